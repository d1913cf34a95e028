// Filters a long list of checkboxes by what is typed in the search field above it. Checked choices always
// stay visible, so a search never hides what the editor already chose.
(() => {
  const normalise = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase().trim();

  const connect = (root) => {
    const search = root.querySelector(".searchable-choices__search");
    const input = search && search.querySelector("input");
    const count = root.querySelector(".searchable-choices__count");
    const choices = Array.from(root.querySelectorAll("label")).filter((label) => label.querySelector("input[type=checkbox]"));
    if (!input || !choices.length) return;
    const items = choices.map((label) => {
      const item = label.parentElement;
      item.dataset.choice = normalise(label.textContent);
      return [item, label.querySelector("input")];
    });

    const filter = () => {
      const query = normalise(input.value);
      let shown = 0;
      items.forEach(([item, checkbox]) => {
        const visible = !query || checkbox.checked || item.dataset.choice.includes(query);
        item.hidden = !visible;
        shown += visible ? 1 : 0;
      });
      count.textContent = query ? count.dataset.template.replace("__shown__", shown).replace("__total__", items.length) : "";
    };

    search.hidden = false;
    input.addEventListener("input", filter);
    // Enter in the search field must not submit the whole form.
    input.addEventListener("keydown", (event) => { if (event.key === "Enter") event.preventDefault(); });
  };

  const start = () => document.querySelectorAll("[data-searchable-choices]").forEach(connect);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
