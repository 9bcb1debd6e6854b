// The inspection form: previews of the photos chosen, and "mark unanswered items as passed".
// No inline script or style (the CSP forbids them); the failed-item hazard drafts are shown by
// CSS alone (:has), so the form works without this file too.
(function () {
  "use strict";

  function previewPhotos(input, list) {
    list.replaceChildren();
    Array.from(input.files || []).forEach(function (file) {
      if (!file.type.startsWith("image/")) return;
      var item = document.createElement("li");
      var caption = document.createElement("span");
      caption.textContent = file.name;
      item.appendChild(caption);
      list.appendChild(item);
      // A data: URL, not a blob: one: the CSP allows images from 'self' and data: only.
      var reader = new FileReader();
      reader.onload = function () {
        var image = document.createElement("img");
        image.alt = file.name;
        image.src = reader.result;
        item.insertBefore(image, caption);
      };
      reader.readAsDataURL(file);
    });
  }

  function markUnanswered(form, value) {
    form.querySelectorAll("fieldset.item").forEach(function (item) {
      if (item.querySelector("input[type=radio]:checked")) return;
      var radio = item.querySelector('input[type=radio][value="' + value + '"]');
      if (radio) radio.checked = true;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form.inspection-form");
    if (!form) return;
    var input = form.querySelector("[data-photo-input]");
    var list = form.querySelector("[data-photo-preview]");
    if (input && list) {
      input.addEventListener("change", function () { previewPhotos(input, list); });
    }
    form.querySelectorAll("[data-mark-all]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { markUnanswered(form, button.dataset.markAll); });
    });
  });
})();
