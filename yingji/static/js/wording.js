// The wording page without template syntax: each part is edited in place, its placeholders
// shown as their Chinese labels (tokens that cannot be typed into), conditions as 〔如果…〕
// 〔否则〕〔结束〕; a click on a placeholder in the list inserts it. While one types, the part
// is filled with this period's numbers below it (or the reason it would be refused). Without
// this file the textarea with {{ name }} and {% if %} is edited instead.
(function () {
  "use strict";

  var form = document.querySelector("form.wording-form");
  if (!form) return;
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var TAG = /\{\{(.*?)\}\}|\{%(.*?)%\}/g;

  function labelsOf(details) {
    var labels = {};
    if (!details) return labels;
    details.querySelectorAll("dt").forEach(function (dt) {
      var dd = dt.nextElementSibling;
      labels[dt.textContent.trim()] = dd && dd.textContent.trim() ? dd.textContent.trim() : dt.textContent.trim();
    });
    return labels;
  }

  function token(source, shown, kind) {
    var span = document.createElement("span");
    span.className = "token token-" + kind;
    span.contentEditable = "false";
    span.dataset.src = source;
    span.title = source;
    span.textContent = shown;
    return span;
  }

  function tokenFor(source, labels) {
    var variable = /^\{\{\s*(.+?)\s*\}\}$/.exec(source);
    if (variable) return token(source, "【" + (labels[variable[1]] || variable[1]) + "】", "var");
    var words = source.slice(2, -2).trim().split(/\s+/);
    if (words[0] === "if" && words.length === 3) return token(source, "〔如果没有：" + (labels[words[2]] || words[2]) + "〕", "if");
    if (words[0] === "if") return token(source, "〔如果：" + (labels[words[1]] || words[1]) + "〕", "if");
    if (words[0] === "else") return token(source, "〔否则〕", "if");
    if (words[0] === "endif") return token(source, "〔结束〕", "if");
    return token(source, source, "other");
  }

  function fill(editor, text, labels) {
    var position = 0, match;
    TAG.lastIndex = 0;
    while ((match = TAG.exec(text)) !== null) {
      editor.appendChild(document.createTextNode(text.slice(position, match.index)));
      editor.appendChild(tokenFor(match[0], labels));
      position = TAG.lastIndex;
    }
    // A caret cannot rest after a token that ends the text: a zero-width space gives it room.
    editor.appendChild(document.createTextNode(text.slice(position) || "\u200b"));
  }

  function serialise(node) {
    var out = "";
    node.childNodes.forEach(function (child) {
      if (child.nodeType === Node.TEXT_NODE) {
        out += child.textContent.replace(/\u200b/g, "");
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if (child.dataset && child.dataset.src) out += child.dataset.src;
        else if (child.tagName === "BR") out += "\n";
        else out += ((child.tagName === "DIV" || child.tagName === "P") && out ? "\n" : "") + serialise(child);
      }
    });
    return out;
  }

  function insertAtCaret(editor, node) {
    var selection = window.getSelection();
    var range = selection.rangeCount ? selection.getRangeAt(0) : null;
    if (!range || !editor.contains(range.commonAncestorContainer)) {
      editor.appendChild(node);
    } else {
      range.deleteContents();
      range.insertNode(node);
      range.setStartAfter(node);
      range.collapse(true);
      selection.removeAllRanges();
      selection.addRange(range);
    }
    editor.dispatchEvent(new Event("input"));
  }

  form.querySelectorAll("textarea").forEach(function (textarea) {
    var key = textarea.name;
    var details = form.querySelector('[data-testid="placeholders-' + key + '"]');
    var labels = labelsOf(details);
    if (/\{\{|\{%/.test(textarea.value.replace(TAG, ""))) return; // broken: edit the source
    var editor = document.createElement("div");
    editor.className = "draft-editor wording-editor";
    editor.contentEditable = "true";
    editor.setAttribute("role", "textbox");
    editor.setAttribute("aria-multiline", "true");
    editor.dataset.testid = "wording-editor-" + key;
    fill(editor, textarea.value, labels);
    var preview = document.createElement("p");
    preview.className = "wording-preview";
    preview.dataset.testid = "wording-preview-" + key;
    textarea.hidden = true;
    editor.source = textarea;
    // After the label, not in it: a click in a label would go to its (hidden) textarea.
    (textarea.closest("label") || textarea).insertAdjacentElement("afterend", editor);
    editor.insertAdjacentElement("afterend", preview);

    var timer = null;
    function refresh() {
      textarea.value = serialise(editor);
      clearTimeout(timer);
      timer = setTimeout(function () {
        var body = new URLSearchParams({ key: key, text: textarea.value });
        fetch(form.dataset.preview, { method: "POST", body: body, headers: { "X-CSRFToken": csrf }, credentials: "same-origin" })
          .then(function (response) { return response.json(); })
          .then(function (answer) {
            preview.classList.toggle("error", Boolean(answer.error));
            preview.textContent = (form.dataset.previewLabel || "") + "：" + (answer.error || answer.text);
          })
          .catch(function () { preview.textContent = ""; });
      }, 500);
    }
    editor.addEventListener("input", refresh);
    editor.addEventListener("paste", function (event) {
      event.preventDefault();
      document.execCommand("insertText", false, (event.clipboardData || window.clipboardData).getData("text/plain"));
    });
    editor.addEventListener("focus", refresh, { once: true });
    if (details) {
      details.querySelectorAll("dt").forEach(function (dt) {
        dt.classList.add("insertable");
        dt.title = dt.textContent.trim();
        dt.addEventListener("mousedown", function (event) { event.preventDefault(); }); // keep the caret
        dt.addEventListener("click", function () {
          insertAtCaret(editor, tokenFor("{{ " + dt.textContent.trim() + " }}", labels));
        });
      });
    }
  });

  form.addEventListener("submit", function () {
    form.querySelectorAll(".wording-editor").forEach(function (editor) {
      editor.source.value = serialise(editor);
    });
  });
})();
