// The onboarding pack builder on the link directory page, loaded only there
// (hooks/share_links.py sets kb_pack_scripts): tick guides, checklists and FAQ answers, then copy
// them as a list (text/html and text/plain) or Markdown, download a CSV, or print a one-page
// pack with QR codes. The selection is kept in localStorage and in the page address
// (?pack=<item ids>&both=1, stable ids only), so a shared address opens the same selection.
// The formatting is pure (kbPack.*) and unit-tested with `node --test` (tests/js/).
(function (root) {
  "use strict";

  const STORAGE_KEY = "kb-pack";

  // The filter matches as the FAQ hub's does (every word typed starts a word of the text):
  // kb-hub.js loads before this script on the page and under node.
  const hub =
    typeof module === "object" && module.exports ? require("./kb-hub.js") : root.kbHub;
  const matches = hub.matches;

  const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:--[a-z0-9]+(?:-[a-z0-9]+)*)?$/;

  // "?pack=a,b--checklist&both=1" -> {ids: ["a", "b--checklist"], both: true}; null if the
  // address carries no selection. Anything that is not an item id is dropped.
  function parseSelection(search) {
    const params = new URLSearchParams(search);
    if (!params.has("pack")) {
      return null;
    }
    const ids = params
      .get("pack")
      .split(",")
      .filter((id) => ID.test(id));
    return { ids: Array.from(new Set(ids)), both: params.get("both") === "1" };
  }

  function formatSelection(selection) {
    if (!selection.ids.length) {
      return "";
    }
    return "?pack=" + selection.ids.join(",") + (selection.both ? "&both=1" : "");
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => "&#" + c.charCodeAt(0) + ";");
  }

  // rows: [{guide, title, url, short, lang, kind, summary}] in page order; grouped by guide.
  function groups(rows) {
    const found = [];
    for (const row of rows) {
      let group = found[found.length - 1];
      if (!group || group.guide !== row.guide) {
        group = { guide: row.guide, rows: [] };
        found.push(group);
      }
      group.rows.push(row);
    }
    return found;
  }

  function toPlain(rows) {
    return groups(rows)
      .map((g) => [g.guide, ...g.rows.map((r) => r.title + " — " + r.url)].join("\n"))
      .join("\n\n");
  }

  function toHtml(rows) {
    return groups(rows)
      .map(
        (g) =>
          "<h3>" +
          escapeHtml(g.guide) +
          "</h3>\n<ul>\n" +
          g.rows
            .map((r) => '<li><a href="' + escapeHtml(r.url) + '">' + escapeHtml(r.title) + "</a></li>")
            .join("\n") +
          "\n</ul>"
      )
      .join("\n");
  }

  function markdownText(text) {
    return text.replace(/([\\`*_[\]<>])/g, "\\$1");
  }

  function toMarkdown(rows) {
    return groups(rows)
      .map((g) =>
        [
          "## " + markdownText(g.guide),
          "",
          ...g.rows.map((r) => "- [" + markdownText(r.title) + "](<" + r.url + ">)"),
        ].join("\n")
      )
      .join("\n\n");
  }

  function csvField(text) {
    const value = /^[=+\-@\t\r]/.test(text) ? "'" + text : text; // no formulas in a spreadsheet
    return /[",\n\r]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }

  function toCsv(rows) {
    const header = ["guide", "kind", "language", "title", "url", "short_url"];
    const lines = rows.map((r) =>
      [r.guide, r.kind, r.lang, r.title, r.url, r.short || ""].map(csvField).join(",")
    );
    return [header.join(","), ...lines].join("\r\n") + "\r\n";
  }

  const api = {
    parseSelection,
    formatSelection,
    toPlain,
    toHtml,
    toMarkdown,
    toCsv,
  };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  }
  if (typeof document === "undefined") {
    return;
  }
  root.kbPack = api;

  function start() {
    const tools = document.querySelector("[data-kb-pack]");
    if (!tools) {
      return;
    }
    const pageLang = tools.dataset.kbPageLang;
    const items = Array.from(document.querySelectorAll("[data-kb-item]"));
    const ticks = Array.from(document.querySelectorAll(".kb-pack__tick"));
    const wholes = Array.from(document.querySelectorAll("[data-kb-whole]"));
    const both = tools.querySelector(".kb-pack__both");
    const filter = tools.querySelector(".kb-pack__filter");
    const count = tools.querySelector(".kb-pack__count");
    const status = tools.querySelector(".kb-pack__status");
    const sheet = document.querySelector(".kb-pack__sheet");

    function groupOf(item) {
      return item.closest("[data-kb-guide]");
    }
    function headingOf(group) {
      return document.getElementById(group.dataset.kbGuide);
    }

    function selection() {
      return { ids: ticks.filter((t) => t.checked).map((t) => t.value), both: both.checked };
    }

    function rows() {
      const chosen = selection();
      const found = [];
      for (const item of items) {
        if (!chosen.ids.includes(item.dataset.kbItem)) {
          continue;
        }
        const guide = headingOf(groupOf(item));
        for (const link of item.querySelectorAll("[data-kb-lang]")) {
          if (link.dataset.kbLang !== pageLang && !chosen.both) {
            continue;
          }
          found.push({
            id: item.dataset.kbItem,
            kind: item.dataset.kbKind,
            guide: guide ? guide.firstChild.textContent.trim() : "",
            lang: link.dataset.kbLang,
            title: link.dataset.kbTitle,
            summary: link.dataset.kbSummary,
            url: link.querySelector("a.kb-directory__url").href,
            short: link.dataset.kbShort || "",
            qr: link.dataset.kbQr,
            reviewed: link.dataset.kbReviewed,
          });
        }
      }
      return found;
    }

    function element(tag, className, text) {
      const el = document.createElement(tag);
      if (className) {
        el.className = className;
      }
      if (text) {
        el.textContent = text;
      }
      return el;
    }

    function renderSheet(found) {
      sheet.replaceChildren();
      if (!found.length) {
        return;
      }
      sheet.append(element("p", "kb-pack__site", tools.dataset.kbSite));
      for (const row of found) {
        const card = element("div", "kb-pack__card");
        const text = element("div", "kb-pack__text");
        const title = element("p", "kb-pack__title", row.title);
        title.lang = row.lang;
        text.append(title, element("p", "kb-pack__summary", row.summary));
        text.lastChild.lang = row.lang;
        text.append(element("p", "kb-pack__url", row.short || row.url));
        if (row.short) {
          text.append(element("p", "kb-pack__url", row.url));
        }
        text.append(element("p", "kb-pack__reviewed", row.reviewed));
        const img = element("img", "kb-pack__qr");
        img.src = row.qr;
        img.alt = "";
        img.width = 96;
        img.height = 96;
        card.append(img, text);
        sheet.append(card);
      }
    }

    function update(save) {
      for (const group of document.querySelectorAll("[data-kb-guide]")) {
        const own = ticks.filter((t) => groupOf(t) === group);
        const whole = group.querySelector("[data-kb-whole]");
        const ticked = own.filter((t) => t.checked).length;
        whole.checked = ticked === own.length;
        whole.indeterminate = ticked > 0 && ticked < own.length;
      }
      const chosen = selection();
      const n = chosen.ids.length;
      count.textContent = n ? count.dataset.kbCount.replace("{count}", n) : count.dataset.kbEmpty;
      const found = rows();
      renderSheet(found);
      document.documentElement.classList.toggle("kb-pack-selected", n > 0);
      if (save) {
        const query = formatSelection(chosen);
        history.replaceState(null, "", location.pathname + query + location.hash);
        try {
          localStorage.setItem(STORAGE_KEY, JSON.stringify(chosen));
        } catch (e) {
          // Private mode or storage full: the address still holds the selection.
        }
      }
    }

    function restore() {
      let chosen = parseSelection(location.search);
      if (!chosen) {
        try {
          chosen = JSON.parse(localStorage.getItem(STORAGE_KEY) || "null");
        } catch (e) {
          chosen = null;
        }
      }
      if (!chosen || !Array.isArray(chosen.ids)) {
        return;
      }
      ticks.forEach((t) => (t.checked = chosen.ids.includes(t.value)));
      both.checked = Boolean(chosen.both);
    }

    function say(text) {
      status.textContent = "";
      setTimeout(() => (status.textContent = text), 50);
    }

    async function copy(kind) {
      const found = rows();
      if (!found.length) {
        say(count.dataset.kbEmpty);
        return;
      }
      try {
        if (kind === "markdown") {
          await navigator.clipboard.writeText(toMarkdown(found));
        } else {
          await navigator.clipboard.write([
            new ClipboardItem({
              "text/html": new Blob([toHtml(found)], { type: "text/html" }),
              "text/plain": new Blob([toPlain(found)], { type: "text/plain" }),
            }),
          ]);
        }
        say(status.dataset.kbCopied);
      } catch (e) {
        say(status.dataset.kbFailed);
      }
    }

    function download() {
      const found = rows();
      if (!found.length) {
        say(count.dataset.kbEmpty);
        return;
      }
      const blob = new Blob([toCsv(found)], { type: "text/csv;charset=utf-8" });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "onboarding-pack.csv";
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    }

    const actions = {
      copy: () => copy("list"),
      markdown: () => copy("markdown"),
      csv: download,
      print: () => (rows().length ? window.print() : say(count.dataset.kbEmpty)),
      clear: () => {
        ticks.forEach((t) => (t.checked = false));
        update(true);
      },
    };

    ticks.forEach((t) => t.addEventListener("change", () => update(true)));
    both.addEventListener("change", () => update(true));
    wholes.forEach((whole) =>
      whole.addEventListener("change", () => {
        const group = whole.closest("[data-kb-guide]");
        ticks.filter((t) => groupOf(t) === group).forEach((t) => (t.checked = whole.checked));
        update(true);
      })
    );
    tools.querySelectorAll("[data-kb-action]").forEach((button) =>
      button.addEventListener("click", () => actions[button.dataset.kbAction]())
    );
    filter.addEventListener("input", () => {
      const query = filter.value;
      for (const group of document.querySelectorAll("[data-kb-guide]")) {
        const heading = headingOf(group);
        const guideText = heading ? heading.textContent : "";
        let shown = 0;
        for (const item of group.querySelectorAll("[data-kb-item]")) {
          const visible = matches(guideText + " " + item.textContent, query);
          item.hidden = !visible;
          shown += visible ? 1 : 0;
        }
        group.hidden = shown === 0;
        if (heading) {
          heading.hidden = shown === 0;
        }
      }
    });

    ticks.forEach((t) => (t.hidden = false));
    document.querySelectorAll(".kb-pack__whole").forEach((el) => (el.hidden = false));
    tools.hidden = false;
    restore();
    update(false);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})(typeof window === "undefined" ? globalThis : window);
