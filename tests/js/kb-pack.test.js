// The onboarding pack builder's formatting (overrides/assets/javascripts/kb-pack.js), run with
// `node --test tests/js` (tests/test_pack_builder.py runs it too).
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const pack = require(
  path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "kb-pack.js")
);

const ROWS = [
  { guide: "Mentors", kind: "guide", lang: "en", title: "Finding a mentor", url: "https://x.test/en/guides/m/", short: "https://x.test/en/go/mentor/" },
  { guide: "Mentors", kind: "checklist", lang: "en", title: "Checklist: Finding a mentor", url: "https://x.test/en/guides/m/#checklist", short: "" },
  { guide: "Online", kind: "faq", lang: "en", title: "What about <LinkedIn> & \"DMs\"?", url: "https://x.test/en/guides/o/#faq-a", short: "" },
];

test("plain text is one 'title — URL' line per item, grouped under each guide", () => {
  assert.strictEqual(
    pack.toPlain(ROWS),
    "Mentors\nFinding a mentor — https://x.test/en/guides/m/\n" +
      "Checklist: Finding a mentor — https://x.test/en/guides/m/#checklist\n\n" +
      'Online\nWhat about <LinkedIn> & "DMs"? — https://x.test/en/guides/o/#faq-a'
  );
});

test("HTML is grouped titled links with every title escaped", () => {
  const html = pack.toHtml(ROWS);
  assert.strictEqual((html.match(/<h3>/g) || []).length, 2);
  assert.ok(html.includes('<li><a href="https://x.test/en/guides/m/#checklist">Checklist: Finding a mentor</a></li>'));
  assert.ok(html.includes("What about &#60;LinkedIn&#62; &#38; &#34;DMs&#34;?"));
  assert.ok(!html.includes("<LinkedIn>"));
});

test("Markdown links survive brackets in titles", () => {
  const md = pack.toMarkdown(ROWS);
  assert.ok(md.startsWith("## Mentors\n\n- [Finding a mentor](<https://x.test/en/guides/m/>)"));
  assert.ok(md.includes("- [What about \\<LinkedIn\\> & \"DMs\"?](<https://x.test/en/guides/o/#faq-a>)"));
});

test("CSV has a header, quotes fields that need it and keeps formulas out", () => {
  const rows = [...ROWS, { guide: "=cmd", kind: "faq", lang: "id", title: "a, b", url: "u", short: "" }];
  const lines = pack.toCsv(rows).split("\r\n");
  assert.strictEqual(lines[0], "guide,kind,language,title,url,short_url");
  assert.strictEqual(lines[1], "Mentors,guide,en,Finding a mentor,https://x.test/en/guides/m/,https://x.test/en/go/mentor/");
  assert.strictEqual(lines[3], 'Online,faq,en,"What about <LinkedIn> & ""DMs""?",https://x.test/en/guides/o/#faq-a,');
  assert.strictEqual(lines[4], "'=cmd,faq,id,\"a, b\",u,");
  assert.strictEqual(lines[5], "");
});

test("the selection round-trips through the address and drops anything but ids", () => {
  const selection = { ids: ["m", "m--checklist", "o--faq-a"], both: true };
  const query = pack.formatSelection(selection);
  assert.strictEqual(query, "?pack=m,m--checklist,o--faq-a&both=1");
  assert.deepStrictEqual(pack.parseSelection(query), selection);
  assert.deepStrictEqual(pack.parseSelection("?pack=a,<script>,B,a,x--y"), { ids: ["a", "x--y"], both: false });
  assert.strictEqual(pack.parseSelection("?q=1"), null);
  assert.strictEqual(pack.formatSelection({ ids: [], both: true }), "");
});
