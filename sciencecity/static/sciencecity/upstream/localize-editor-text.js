// Translates the texts wagtail-localize's editor leaves in English (see sciencecity/upstream/localize_editor_text.py).
// Text nodes are changed in place, so React keeps the nodes it owns. The observer sees this script's own
// writes too, so a text is written only when it changes: in English "More actions" is its own translation.
(() => {
  const heading = document.currentScript.dataset.heading;
  const english = /^(.+) to (.+) translation$/;

  function write(text, value) {
    if (text.nodeValue !== value) text.nodeValue = value;
  }

  function translate(editor) {
    for (const node of editor.querySelectorAll("section h3")) {
      const text = node.firstChild;
      const match = text && text.nodeType === Node.TEXT_NODE && text.nodeValue.match(english);
      if (match) write(text, heading.replace("%(source)s", match[1]).replace("%(target)s", match[2]));
    }
    for (const node of editor.querySelectorAll(".w-dropdown__toggle .w-sr-only")) {
      const text = node.firstChild;
      if (text && text.nodeValue === "More actions") write(text, window.gettext("More actions"));
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const editor = document.querySelector(".js-translation-editor");
    if (!editor) return;
    translate(editor);
    new MutationObserver(() => translate(editor)).observe(editor, { childList: true, subtree: true, characterData: true });
  });
})();
