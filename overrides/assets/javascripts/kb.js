/* Site behaviour that Material does not provide. No third-party code, no network requests. */
(function () {
  "use strict";

  /* Language switcher and "Read in English" links: keep the #anchor. static-i18n points each
     link at the same page in the other language and ids are identical in both languages, so
     carrying the hash over lands the reader on the same section. Rewriting the href (rather
     than intercepting clicks) keeps keyboard, middle-click and "copy link address" right. */
  function syncLanguageLinks() {
    var links = document.querySelectorAll(".md-select__link[hreflang], a[data-kb-translation]");
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      var base = a.getAttribute("data-kb-base");
      if (base === null) {
        base = a.getAttribute("href").split("#")[0];
        a.setAttribute("data-kb-base", base);
      }
      a.setAttribute("href", base + window.location.hash);
    }
  }

  /* Checklists: a tick is stored under "kb-checklist:<guide>/<item>", so the guide page and the
     Checklists page (same item ids) show the same state, across reloads. */
  var PREFIX = "kb-checklist:";

  function storage() {
    try {
      var probe = PREFIX + "probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      return null; /* private mode or storage disabled: checkboxes still work, unsaved */
    }
  }

  function say(status, message) {
    status.textContent = "";
    /* a fresh text node after clearing makes screen readers announce repeats too */
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function announce(container, message) {
    var status = container.querySelector(".kb-status");
    if (status) say(status, message);
  }

  /* "Copy as text": the checklist as a heading, a real list and a link to its #checklist, in
     both clipboard formats, so it pastes as formatted text into a word processor, Google Docs
     or an HR system (text/html) and cleanly into chat (text/plain, no Markdown signs). The
     copier's own ticks are left out unless they tick "include my ticks". The HTML is built as
     elements with textContent, so item text is escaped by construction. */
  function checklistCopy(container) {
    var title = container.getAttribute("data-kb-title");
    var url = container.getAttribute("data-kb-url") + "#checklist";
    var option = container.querySelector("[data-kb-include-ticks]");
    var withTicks = option !== null && option.checked;
    var doc = document.implementation.createHTMLDocument("");
    var root = doc.createElement("div");
    var heading = root.appendChild(doc.createElement("h2"));
    heading.textContent = title;
    var list = root.appendChild(doc.createElement("ul"));
    var lines = [title, ""];
    var boxes = container.querySelectorAll(".kb-checklist__box");
    for (var i = 0; i < boxes.length; i++) {
      var label = container.querySelector("label[for='" + boxes[i].id + "']");
      var text = label.textContent.trim();
      var mark = withTicks ? (boxes[i].checked ? "\u2611 " : "\u2610 ") : "";
      list.appendChild(doc.createElement("li")).textContent = mark + text;
      lines.push((withTicks ? mark : "\u2022 ") + text);
    }
    var link = root.appendChild(doc.createElement("p")).appendChild(doc.createElement("a"));
    link.setAttribute("href", url);
    link.textContent = url;
    lines.push("", url);
    return { html: root.innerHTML, text: lines.join("\n") + "\n" };
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  /* Both formats at once: the async clipboard where the browser has ClipboardItem, else a copy
     command whose event fills in both formats. */
  function copyRich(content) {
    if (navigator.clipboard && window.isSecureContext && window.ClipboardItem) {
      return navigator.clipboard.write([new window.ClipboardItem({
        "text/html": new Blob([content.html], { type: "text/html" }),
        "text/plain": new Blob([content.text], { type: "text/plain" })
      })]);
    }
    return new Promise(function (resolve, reject) {
      function fillIn(event) {
        event.clipboardData.setData("text/html", content.html);
        event.clipboardData.setData("text/plain", content.text);
        event.preventDefault();
      }
      document.addEventListener("copy", fillIn);
      var ok = false;
      try { ok = document.execCommand("copy"); } finally {
        document.removeEventListener("copy", fillIn);
      }
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  function setupChecklists() {
    var store = storage();
    var boxes = document.querySelectorAll(".kb-checklist__box");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      var key = PREFIX + box.getAttribute("data-kb-item");
      box.checked = store !== null && store.getItem(key) === "1";
      box.addEventListener("change", function (event) {
        var k = PREFIX + event.target.getAttribute("data-kb-item");
        if (store === null) return;
        if (event.target.checked) { store.setItem(k, "1"); } else { store.removeItem(k); }
      });
    }
    var buttons = document.querySelectorAll(".kb-checklist [data-kb-action]");
    for (var j = 0; j < buttons.length; j++) {
      buttons[j].addEventListener("click", function (event) {
        var button = event.currentTarget;
        var container = button.closest(".kb-checklist");
        if (button.getAttribute("data-kb-action") === "reset") {
          var own = container.querySelectorAll(".kb-checklist__box");
          for (var n = 0; n < own.length; n++) {
            own[n].checked = false;
            if (store !== null) store.removeItem(PREFIX + own[n].getAttribute("data-kb-item"));
          }
          announce(container, button.getAttribute("data-kb-done"));
        } else {
          copyRich(checklistCopy(container)).then(
            function () { announce(container, button.getAttribute("data-kb-done")); },
            function () { announce(container, button.getAttribute("data-kb-failed")); }
          );
        }
      });
    }
  }

  /* Copy-link controls. overrides/partials/kb-links.html carries this page's absolute URL in
     each language, the text (data/ui.yml) and a <template> for the button; the buttons are
     made here, so a reader without JavaScript sees no control that cannot work. */
  function fill(pattern, values) {
    return pattern.replace(/\{(\w+)\}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : match;
    });
  }

  function headingText(heading) {
    var copy = heading.cloneNode(true);
    var permalinks = copy.querySelectorAll(".headerlink, .kb-share");
    for (var i = 0; i < permalinks.length; i++) permalinks[i].remove();
    return copy.textContent.trim();
  }

  /* What a button links to: its heading, or on the FAQ hub the question of its answer block
     (the button sits in the answer's last line, not in the <summary>, which is itself a
     control). The menu opens below ``place``. */
  function headingOf(trigger) {
    var faq = trigger.closest("[data-kb-faq]");
    return faq ? faq.querySelector("summary") : trigger.closest("h1, h2, h3");
  }

  function placeOf(trigger) {
    return trigger.closest("h1, h2, h3, .kb-faq__source");
  }

  /* The heading menu: a WAI-ARIA menu button. Enter, Space or Arrow Down opens it on its first
     item, arrows and Home/End move, Escape closes it back to the button, Tab or a click
     elsewhere closes it. It sits just below the heading, out of the flow, so nothing moves. */
  function setupShareMenu(data, confirmCopy) {
    var menu = document.querySelector("[data-kb-share-menu]");
    var triggers = document.querySelectorAll("button.kb-share[data-kb-share]");
    if (!menu || !triggers.length) return;
    var items = Array.prototype.slice.call(menu.querySelectorAll("[role='menuitem']"));
    var current = null;

    function close(returnFocus) {
      if (!current) return;
      var trigger = current;
      current = null;
      menu.hidden = true;
      trigger.setAttribute("aria-expanded", "false");
      if (returnFocus) trigger.focus();
    }

    function open(trigger, focusLast) {
      if (current) close(false);
      var heading = headingOf(trigger);
      var target = headingText(heading);
      var fragment = trigger.getAttribute("data-kb-share");
      for (var i = 0; i < items.length; i++) {
        var values = { text: items[i].textContent, target: target };
        items[i].setAttribute("data-kb-copy", items[i].getAttribute("data-kb-url") + fragment);
        items[i].setAttribute("aria-label", fill(data.getAttribute("data-kb-label"), values));
        items[i].kbTarget = target;
      }
      placeOf(trigger).insertAdjacentElement("afterend", menu);
      menu.style.left = trigger.offsetLeft + "px";
      menu.hidden = false;
      /* at the right edge of a phone, the menu ends at the button instead of starting there */
      var overflow = menu.getBoundingClientRect().right - document.documentElement.clientWidth;
      if (overflow > 0) menu.style.left = Math.max(0, trigger.offsetLeft - overflow - 8) + "px";
      trigger.setAttribute("aria-expanded", "true");
      current = trigger;
      items[focusLast ? items.length - 1 : 0].focus();
    }

    for (var t = 0; t < triggers.length; t++) {
      triggers[t].addEventListener("click", function (event) {
        var trigger = event.currentTarget;
        if (current === trigger) { close(true); } else { open(trigger, false); }
      });
      triggers[t].addEventListener("keydown", function (event) {
        if (event.key === "ArrowDown" || event.key === "ArrowUp") {
          event.preventDefault();
          open(event.currentTarget, event.key === "ArrowUp");
        }
      });
    }

    menu.addEventListener("keydown", function (event) {
      var at = items.indexOf(document.activeElement);
      var next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
      if (next !== undefined) {
        event.preventDefault();
        items[(next + items.length) % items.length].focus();
      } else if (event.key === "Escape") {
        event.preventDefault();
        close(true);
      } else if (event.key === "Tab") {
        close(false);
      }
    });

    items.forEach(function (item) {
      item.addEventListener("click", function () {
        var values = { target: item.kbTarget, url: item.getAttribute("data-kb-copy") };
        close(true);
        copyText(values.url).then(
          function () { confirmCopy(fill(data.getAttribute("data-kb-done"), values)); },
          function () { confirmCopy(fill(data.getAttribute("data-kb-failed"), values)); }
        );
      });
    });

    document.addEventListener("click", function (event) {
      if (current && !menu.contains(event.target) && !current.contains(event.target)) close(false);
    });
    /* the buttons show only once they work (kb.css); they already take their space */
    document.documentElement.classList.add("kb-share-ready");
  }

  function setupCopyLinks() {
    var data = document.querySelector("[data-kb-links]");
    if (!data) return;
    var template = data.querySelector("template[data-kb-copy-template]").content;
    var toast = document.querySelector(".kb-toast");
    var hideTimer = null;

    function confirmCopy(message) {
      window.clearTimeout(hideTimer);
      say(toast, message);
      hideTimer = window.setTimeout(function () { toast.textContent = ""; }, 6000);
    }

    function copyButton(text, url, target) {
      var button = template.querySelector("button").cloneNode(true);
      var values = { text: text, target: target, url: url };
      button.querySelector(".kb-copy__text").textContent = text;
      button.setAttribute("aria-label", fill(data.getAttribute("data-kb-label"), values));
      button.setAttribute("data-kb-copy", url);
      button.addEventListener("click", function () {
        copyText(url).then(
          function () { confirmCopy(fill(data.getAttribute("data-kb-done"), values)); },
          function () { confirmCopy(fill(data.getAttribute("data-kb-failed"), values)); }
        );
      });
      return button;
    }

    /* Guides: the build put one button in each heading (hooks/knowledgebase/share.py); it
       opens one small menu with an item per language (ids are the same in every language). */
    if (data.hasAttribute("data-kb-headings")) setupShareMenu(data, confirmCopy);

    /* The link directory: a button after each listed URL. */
    var listed = document.querySelectorAll("a[data-kb-copy-label]");
    for (var n = 0; n < listed.length; n++) {
      listed[n].insertAdjacentElement("afterend", copyButton(data.getAttribute("data-kb-text"),
        listed[n].getAttribute("href"), listed[n].getAttribute("data-kb-copy-label")));
    }
  }

  /* Renamed anchors (data/anchor-aliases.yml): a link to #old-id lands on #new-id. Replacing
     the location (not pushing) keeps Back working and updates :target and the hash. */
  function followAnchorAlias() {
    var data = document.querySelector("[data-kb-aliases]");
    var id;
    try {
      id = decodeURIComponent(window.location.hash.slice(1));
    } catch (e) {
      return; /* a malformed %-escape is nobody's published anchor */
    }
    if (!data || !id || document.getElementById(id)) return;
    var aliases = JSON.parse(data.getAttribute("data-kb-aliases"));
    if (Object.prototype.hasOwnProperty.call(aliases, id) && document.getElementById(aliases[id])) {
      window.location.replace("#" + aliases[id]);
    }
  }

  followAnchorAlias();
  window.addEventListener("hashchange", followAnchorAlias);
  syncLanguageLinks();
  window.addEventListener("hashchange", syncLanguageLinks);
  setupChecklists();
  setupCopyLinks();
})();
