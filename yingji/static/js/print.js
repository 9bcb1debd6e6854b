// The print pages' button: the site's CSP allows no inline handlers.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
