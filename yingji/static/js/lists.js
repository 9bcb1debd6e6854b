// On a phone the filter form of a list folds away under its summary; the chips show what applies.
document.querySelectorAll("details.filter-fold").forEach((fold) => {
  if (window.matchMedia("(max-width: 600px)").matches) fold.open = false;
});
