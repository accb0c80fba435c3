/* Site behaviour that Material does not provide. No third-party code, no network requests. */
(function () {
  "use strict";

  /* Language switcher: keep the #anchor. static-i18n already points each switcher link at the
     same page in the other language (ids are identical in both languages), so carrying the hash
     over lands the reader on the same section. Updating the href itself (rather than
     intercepting clicks) keeps keyboard, middle-click and "copy link" behaviour right. */
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

  syncLanguageLinks();
  window.addEventListener("hashchange", syncLanguageLinks);
})();
