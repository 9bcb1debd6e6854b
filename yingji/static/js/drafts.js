// Report drafts: each paragraph is edited in place, its numbers shown as tokens that cannot be
// typed into (they show the value and are sent back as {{ name }}). Without this file the
// form's textarea, with the numbers as {{ name }}, is edited instead.
(function () {
  "use strict";

  function serialise(node) {
    var out = "";
    node.childNodes.forEach(function (child) {
      if (child.nodeType === Node.TEXT_NODE) {
        out += child.textContent;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if (child.dataset && child.dataset.name) {
          out += "{{ " + child.dataset.name + " }}";
        } else if (child.tagName === "BR") {
          out += "\n";
        } else {
          var inner = serialise(child);
          // A browser wraps a new line typed with Enter in a div or p.
          out += (child.tagName === "DIV" || child.tagName === "P") && out ? "\n" + inner : inner;
        }
      }
    });
    return out;
  }

  document.querySelectorAll("form[data-draft-form]").forEach(function (form) {
    var source = form.querySelector("[data-draft-source]");
    var editor = form.querySelector("[data-draft-editor]");
    if (!source || !editor) return;
    // A text the tokens cannot show (with {% if %}, or a refused one as typed): the textarea.
    if (source.value.trim() !== serialise(editor).trim()) return;
    source.closest("label").hidden = true;
    editor.hidden = false;
    editor.setAttribute("role", "textbox");
    editor.setAttribute("aria-multiline", "true");
    editor.addEventListener("paste", function (event) {
      // Plain text only: no markup pasted from a word processor.
      event.preventDefault();
      var text = (event.clipboardData || window.clipboardData).getData("text/plain");
      document.execCommand("insertText", false, text);
    });
    form.addEventListener("submit", function () {
      source.value = serialise(editor).trim();
    });
  });
})();
