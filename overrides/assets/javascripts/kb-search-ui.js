/* Search as you type: Material starts a search on "keyup", so a fast typist, a phone keyboard
   (composition, autocorrect, paste) or a held key waits longer than needed or gets no search
   at all. On every "input" event the search box gets a synthetic keyup, which Material reads as
   "the value may have changed" (it ignores repeats of the same value). Keyboard navigation of
   the results listens to keydown on the document and is untouched. Delegated on the document,
   so it keeps working across instant navigation. */
(function () {
  "use strict";
  document.addEventListener("input", function (event) {
    var target = event.target;
    if (!target || !target.matches || !target.matches("[data-md-component=search-query]")) return;
    target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  });
})();
