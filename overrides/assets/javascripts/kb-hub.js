// The help-centre pages (home and FAQ hub), loaded only there (hooks/hub.py sets
// kb_hub_script): the home's search entry opens Material's search, and the FAQ hub's filter
// narrows the questions to those that contain every word typed, from the text on the page.
// The matching is pure (kbHub.matches) and unit-tested with `node --test`.
(function (root) {
  "use strict";

  // Lower case, accents removed, anything but letters and digits as spaces.
  function normalise(text) {
    return text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  }

  // Does the (normalised) text hold every word of the query, each as the start of a word?
  function matches(text, query) {
    const words = normalise(query).split(" ").filter(Boolean);
    const haystack = " " + normalise(text);
    return words.every((word) => haystack.includes(" " + word));
  }

  const api = { normalise: normalise, matches: matches };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  }
  if (typeof document === "undefined") {
    return;
  }
  root.kbHub = api;

  function openSearch() {
    // Material's own search toggle: the header's button is a label for this checkbox.
    const toggle = document.getElementById("__search");
    const input = document.querySelector("[data-md-component=search-query]");
    if (!toggle || !input) {
      return;
    }
    if (!toggle.checked) {
      toggle.click();
    }
    // Focusing within the tap itself is what makes a phone show its keyboard.
    input.focus();
  }

  function openTargeted() {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    if (target && target.matches("details[data-kb-faq]")) {
      target.open = true;
      target.scrollIntoView();
    }
  }

  function setUpFilter(box) {
    const input = box.querySelector("input");
    const status = box.querySelector("[data-kb-faq-status]");
    const items = Array.from(document.querySelectorAll("details[data-kb-faq]")).map((el) => ({
      el: el,
      text: el.textContent,
    }));
    const groups = Array.from(document.querySelectorAll("[data-kb-faq-group]")).map((el) => {
      let heading = el.previousElementSibling;
      while (heading && !/^H[1-6]$/.test(heading.tagName)) {
        heading = heading.previousElementSibling;
      }
      return { el: el, heading: heading, items: items.filter((i) => el.contains(i.el)) };
    });
    let timer = 0;
    function apply() {
      const query = input.value;
      let shown = 0;
      for (const item of items) {
        const hit = matches(item.text, query);
        item.el.hidden = !hit;
        shown += hit ? 1 : 0;
      }
      for (const group of groups) {
        const empty = group.items.every((i) => i.el.hidden);
        group.el.hidden = empty;
        if (group.heading) {
          group.heading.hidden = empty;
        }
      }
      if (!normalise(query)) {
        status.textContent = "";
      } else if (shown === 0) {
        status.textContent = box.dataset.kbNone;
      } else {
        status.textContent = box.dataset.kbCount
          .replace("{shown}", String(shown))
          .replace("{total}", String(items.length));
      }
    }
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(apply, 80);
    });
    if (input.value) {
      apply();
    }
  }

  function start() {
    for (const button of document.querySelectorAll("[data-kb-search-open]")) {
      button.addEventListener("click", openSearch);
    }
    const box = document.querySelector("[data-kb-faq-filter]");
    if (box) {
      setUpFilter(box);
      openTargeted();
      window.addEventListener("hashchange", openTargeted);
      // Printing shows every answer; the reader's open/closed choice comes back afterwards.
      let closed = [];
      window.addEventListener("beforeprint", () => {
        closed = Array.from(document.querySelectorAll("details[data-kb-faq]:not([open])"));
        closed.forEach((el) => (el.open = true));
      });
      window.addEventListener("afterprint", () => closed.forEach((el) => (el.open = false)));
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})(typeof window === "undefined" ? globalThis : window);
