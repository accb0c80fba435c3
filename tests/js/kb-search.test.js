// kb-search.js's query-side language logic (overrides/assets/javascripts/kb-search.js):
// Indonesian roots, spoken affixes, English derived forms, the result re-ranking. Run with
// `node --test tests/js` (tests/test_search_index.py runs it too).
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const { kbSearch } = require(
  path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "kb-search.js")
);

const vocabulary = new Set(["tim", "batas", "lintas", "rencana", "ajar", "belajar"]);
const known = (w) => vocabulary.has(w);

test("under-stemmed Indonesian words reach the root the site uses", () => {
  for (const [word, root] of [
    ["setim", "tim"],
    ["pelajari", "ajar"],
    ["mempelajari", "ajar"],
    ["terencana", "rencana"],
    ["batasi", "batas"],
    ["melintasi", "lintas"],
    ["memperbaiki", "baik"],
    ["diperhatikan", "hati"],
  ]) {
    const forms = kbSearch.stemIndonesian(word, known);
    assert.strictEqual(forms[0], word);
    assert.ok(forms.includes(root), `${word}: ${forms}`);
  }
});

test("words that only look affixed are not merged with unrelated words", () => {
  for (const word of ["peluang", "empati", "selalu", "mengapa", "bersedia"]) {
    assert.deepStrictEqual(kbSearch.stemIndonesian(word, known), [word]);
  }
  // -si stays part of the word unless the rest is a word of the site
  assert.deepStrictEqual(kbSearch.stemIndonesian("relasi", known), ["relasi"]);
  assert.ok(!kbSearch.stemIndonesian("bersedia").includes("dia"));
});

test("spoken affixes yield the standard roots", () => {
  assert.ok(kbSearch.spokenForms("nyari").includes("cari"));
  assert.ok(kbSearch.spokenForms("ngegosip").includes("gosip"));
  assert.ok(kbSearch.spokenForms("ngobrol").includes("obrol"));
  assert.ok(kbSearch.spokenForms("kasihin").includes("kasih"));
  assert.ok(kbSearch.spokenForms("ketemu").includes("temu"));
  assert.deepStrictEqual(kbSearch.spokenForms("mentor"), []);
});

const fakeLunr = {
  // Porter stand-in: enough to show the derivational root is added beside it
  stemmer: (token) => token,
  Token: function (w) {
    this.toString = () => w;
  },
};

test("English derived forms share a root", () => {
  const root = (w) => kbSearch.englishRoots(fakeLunr, w);
  for (const w of ["recognition", "recognise", "recognising", "recognised"]) {
    assert.ok(root(w).includes("recogn"), `${w}: ${root(w)}`);
  }
  assert.ok(root("compromising").includes("comprom"));
  assert.ok(!root("business").includes("busi"), "business must not meet busy");
});

test("stop words cover question words of both languages", () => {
  for (const w of ["bagaimana", "apa", "cara", "saya", "yang"]) assert.ok(kbSearch.STOP_WORDS.id.includes(w), w);
  for (const w of ["how", "what", "do", "i", "a", "at"]) assert.ok(kbSearch.STOP_WORDS.en.includes(w), w);
  assert.ok(!kbSearch.STOP_WORDS.id.includes("mentor"));
});

test("an answer that beats its page is shown first, the page as a score-0 heading", () => {
  const page = { location: "g/", score: 2 * 2.5, terms: { a: true } }; // raw 2, page bonus
  const answer = { location: "g/#faq-x", score: 3 * 2, terms: { a: true } }; // raw 3
  const other = { location: "h/", score: 1 * 5, terms: { a: true } }; // raw 1
  const groups = kbSearch.rerank([[page, answer], [other]]);
  assert.deepStrictEqual(groups[0].map((i) => i.location), ["g/#faq-x", "g/"]);
  assert.strictEqual(groups[0][1].score, 0);
  assert.strictEqual(groups[1][0].location, "h/");
});

test("a page that matches better than its sections keeps its card first", () => {
  const page = { location: "g/", score: 10 * 5, terms: { a: true } };
  const section = { location: "g/#s", score: 1 * 2, terms: { a: true } };
  const [group] = kbSearch.rerank([[section, page]]);
  assert.deepStrictEqual(group.map((i) => i.location), ["g/", "g/#s"]);
  assert.ok(group[0].score > group[1].score, "a weak section stays folded");
});
