// Forms marked data-confirm (accepting and writing off a hazard) ask before they are sent.
// Without this file the form's "confirmed" box must be ticked, and the server refuses the
// form unticked; with it, the box goes and the answer "yes" to the question ticks it.
(function () {
  "use strict";

  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    var box = form.querySelector("[data-confirm-box]");
    if (box) box.remove();
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
        return;
      }
      var confirmed = document.createElement("input");
      confirmed.type = "hidden";
      confirmed.name = "confirmed";
      confirmed.value = "1";
      form.appendChild(confirmed);
    });
  });
})();
