// The FAQ hub filter's matching (overrides/assets/javascripts/kb-hub.js), run with
// `node --test tests/js` (tests/test_hub.py runs it too).
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const { matches, normalise } = require(
  path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "kb-hub.js")
);

test("every word typed must start a word of the text", () => {
  assert.ok(matches("Bagaimana cara menemukan mentor?", "mentor"));
  assert.ok(matches("Bagaimana cara menemukan mentor?", "cara mentor"));
  assert.ok(matches("Bagaimana cara menemukan mentor?", "menem"));
  assert.ok(!matches("Bagaimana cara menemukan mentor?", "mentor atasan"));
  assert.ok(!matches("Bagaimana cara menemukan mentor?", "entor"));
});

test("case, accents and punctuation do not matter", () => {
  assert.strictEqual(normalise("  Café, RÉSUMÉ!  "), "cafe resume");
  assert.ok(matches("Write a résumé", "RESUME"));
  assert.ok(matches("follow-up after a meeting", "up"));
});

test("an empty or blank query matches everything", () => {
  assert.ok(matches("anything", ""));
  assert.ok(matches("anything", "  ,  "));
});
