/* Search language support for Material's lunr worker: an Indonesian affix stripper and
   glossary synonyms for both languages. No third-party code, no network requests.

   How it is wired (see hooks/search.py): the build writes one search index per language and
   sets its config.lang to "kb_id" or "kb_en". Material's worker then imports
   assets/javascripts/lunr/min/lunr.<lang>.min.js, which the build generates as this file plus
   one kbSearch.register(...) call carrying that language's synonyms.

   Why the expansion is done at query time (see expandQueries): Material appends "*" to each
   query term, so "membangun" must still match the word "membangun" as you type, while
   "bangun" must also find "dibangun". Indexing roots next to words would put two tokens at
   one position, which Material's highlighter turns into broken markup. */
(function (root) {
  "use strict";

  var VOWELS = /[aeiou]/g;

  function measure(word) {
    var m = word.match(VOWELS);
    return m ? m.length : 0;
  }

  function isVowel(ch) {
    return "aeiou".indexOf(ch) !== -1;
  }

  /* Forms of `word` with a derivational prefix removed, each with the nasal sound restored
     where Indonesian drops it (menulis -> tulis, memimpin -> pimpin, menyapa -> sapa,
     mengenal -> kenal). Where the lost consonant is ambiguous, every reading is returned. */
  function stripPrefix(word) {
    var out = [];
    var rest;
    var nasal = /^(me|pe)(ng|ny|n|m)?(.*)$/.exec(word);
    if (nasal) {
      var kind = nasal[2] || "";
      rest = nasal[3];
      var first = rest.charAt(0);
      if (kind === "ng") {
        if (isVowel(first)) out.push(rest, "k" + rest);
        else if ("ghk".indexOf(first) !== -1) out.push(rest);
      } else if (kind === "ny") {
        if (isVowel(first)) out.push("s" + rest);
      } else if (kind === "n") {
        if (isVowel(first)) out.push("t" + rest, "n" + rest);
        else if ("cdjtsz".indexOf(first) !== -1) out.push(rest);
      } else if (kind === "m") {
        if (isVowel(first)) out.push("p" + rest, "m" + rest);
        else if ("bpf".indexOf(first) !== -1) out.push(rest);
      } else if (/^r[^aeiou]/.test(rest)) {
        /* per-, ter-: handled below (pertemuan is per+temu+an, not pe+rtemuan) */
      } else if (/^[lrwy]/.test(rest) || (nasal[1] === "me" && /^[mn]/.test(rest))) {
        out.push(rest); /* melihat -> lihat, merawat -> rawat, meminta handled above */
      } else if (nasal[1] === "pe") {
        out.push(rest); /* pekerja -> kerja, pelatih -> latih */
      }
    }
    var simple = /^(di|ke|ter|ber|per|be|se)(.*)$/.exec(word);
    if (simple && !/^r[^aeiou]/.test(simple[2])) {
      rest = simple[2];
      if (simple[1] === "be") {
        if (/^[^aeiou]er/.test(rest)) out.push(rest); /* bekerja -> kerja */
        else if (rest === "lajar") out.push("ajar"); /* belajar */
      } else {
        out.push(rest);
      }
    }
    return out;
  }

  var PARTICLES = ["kah", "lah", "pun", "tah"];
  var POSSESSIVES = ["nya", "ku", "mu"];
  var SUFFIXES = ["kan", "an", "i"];

  function stripOne(word, endings, guard) {
    for (var i = 0; i < endings.length; i++) {
      var e = endings[i];
      if (word.length > e.length && word.slice(-e.length) === e) {
        var rest = word.slice(0, -e.length);
        if (!guard || guard(rest, e)) return rest;
      }
    }
    return null;
  }

  function suffixGuard(rest, ending) {
    /* relasi, diskusi, komunikasi: a final -si is part of the word, not the suffix -i */
    return !(ending === "i" && rest.slice(-1) === "s");
  }

  function addUnique(list, seen, word) {
    /* A root keeps at least two vowels; shorter fragments would match unrelated words. */
    if (!seen[word] && measure(word) >= 2 && word.length >= 3) {
      seen[word] = true;
      list.push(word);
    }
  }

  /* The word itself first, then every root reachable by removing, in order, a particle,
     a possessive, up to two prefixes and one suffix. Words of two vowels or fewer are
     treated as roots already (kerja, rekan, tim). */
  function stemIndonesian(word) {
    var seen = {};
    var out = [word];
    seen[word] = true;
    if (measure(word) <= 2) return out;
    var bases = [word];
    var w = stripOne(word, PARTICLES);
    if (w && measure(w) >= 2) {
      addUnique(out, seen, w);
      bases.push(w);
    }
    var last = bases[bases.length - 1];
    w = stripOne(last, POSSESSIVES);
    if (w && measure(w) >= 2) {
      addUnique(out, seen, w);
      bases.push(w);
    }
    /* Prefixes: first order (me-, pe-, di-, ke-, ter-, ber-), then second order (per-, ber-,
       pe-) on what remains, e.g. memperbaiki -> perbaiki -> baiki. */
    var stems = bases.slice();
    for (var round = 0; round < 2; round++) {
      var next = [];
      for (var i = 0; i < stems.length; i++) {
        var forms = stripPrefix(stems[i]);
        for (var j = 0; j < forms.length; j++) {
          if (measure(forms[j]) >= 2 && !seen[forms[j]]) {
            addUnique(out, seen, forms[j]);
            next.push(forms[j]);
          }
        }
      }
      stems = stems.concat(next);
    }
    /* Suffixes (-kan, -an, -i) on every form so far: pertemuan -> temuan -> temu. Every
       matching suffix counts, because -kan and -an overlap: kesibukan is ke-sibuk-an. */
    var all = out.slice();
    for (var k = 0; k < all.length; k++) {
      for (var n = 0; n < SUFFIXES.length; n++) {
        var s = stripOne(all[k], [SUFFIXES[n]], suffixGuard);
        if (s && measure(s) >= 2) addUnique(out, seen, s);
      }
    }
    return out;
  }

  var ROOT_BOOST = 0.5; /* a word sharing a root ranks below the word as typed */
  var DEEPER_ROOT = 0.5; /* halved again for a root below the term's own */
  var SYNONYM_BOOST = 0.7; /* a glossary synonym: the same concept, in other words */
  var TYPO_BOOST = 0.2; /* and a one-letter typo below all of them */
  var TYPO_MIN_LENGTH = 5;

  /* Every indexed word under each of its roots, built once per index from its vocabulary:
     "bangun" -> [bangun, membangun, dibangun, pembangunan]. */
  function wordsByRoot(index, roots) {
    var map = {};
    Object.keys(index.invertedIndex).forEach(function (word) {
      roots(word).forEach(function (r) {
        (map[r] = map[r] || []).push(word);
      });
    });
    return map;
  }

  /* Query side, the whole mechanism. lunr runs no pipeline on wildcard terms and Material
     makes every term a prefix query ("bangun*"), so the index holds words as written and
     each query clause gets sibling clauses (same fields, lower boost, OPTIONAL) for:
     - every indexed word that shares a root with the term (membangun, dibangun, ...),
     - the same for each glossary synonym of the term (networking -> jejaring, berjejaring),
     - for longer terms, a one-edit fuzzy match (typos).
     Words as written keep one token per position, so Material's highlighting stays intact.
     Installed once per worker (one language per worker) on lunr's public Index#query;
     lunr 2.3.9 is frozen upstream. */
  function expandQueries(lunr, roots, synonyms) {
    if (lunr.Index.prototype.kbExpanded) return;
    var query = lunr.Index.prototype.query;
    lunr.Index.prototype.query = function (build) {
      var index = this;
      index.kbWordsByRoot = index.kbWordsByRoot || wordsByRoot(index, roots);
      return query.call(index, function (q) {
        build.call(q, q);
        q.clauses.slice().forEach(function (clause) {
          if (clause.presence === lunr.Query.presence.PROHIBITED) return;
          /* lunr's parser keeps a typed "*" in the term itself ("bangun*"). */
          var bare = clause.term.replace(/^\*|\*$/g, "");
          if (!bare) return;
          var seen = {};
          seen[bare] = true;
          function add(term, options) {
            if (seen[term]) return;
            seen[term] = true;
            q.clause(Object.assign({
              term: term,
              fields: clause.fields,
              usePipeline: false,
              presence: lunr.Query.presence.OPTIONAL,
            }, options));
          }
          /* Words built on the term itself (hubungi -> menghubungi) rank above words that
             only share a deeper root (hubung -> hubungan, terhubung). */
          function related(word, boost) {
            roots(word).forEach(function (r, depth) {
              var b = clause.boost * (depth === 0 ? boost : boost * DEEPER_ROOT);
              (index.kbWordsByRoot[r] || []).forEach(function (w) {
                add(w, { boost: b });
              });
            });
          }
          related(bare, ROOT_BOOST);
          /* A phrase's words share the synonym's weight: "media sosial profesional" for
             "linkedin" counts like one word, not three. */
          roots(bare).forEach(function (r) {
            (synonyms[r] || []).forEach(function (phrase) {
              var words = phrase.split(/\s+/);
              words.forEach(function (s) {
                var boost = SYNONYM_BOOST / words.length;
                add(s + "*", { boost: clause.boost * boost });
                related(s, boost);
              });
            });
          });
          if (bare.length >= TYPO_MIN_LENGTH && !clause.editDistance) {
            seen[bare] = false;
            add(bare, { editDistance: 1, boost: clause.boost * TYPO_BOOST });
          }
        });
      });
    };
    lunr.Index.prototype.kbExpanded = true;
  }

  /* options.synonyms maps a word to the forms also searched for (lower case; a form may be a
     phrase). */
  function register(lunr, code, options) {
    var indonesian = options.stemmer === "id";

    function roots(word) {
      if (indonesian) return stemIndonesian(word);
      var stemmed = lunr.stemmer(new lunr.Token(word, {})).toString();
      return stemmed === word ? [word] : [word, stemmed];
    }

    /* Keyed by every root of the glossary form, so "berjejaring" and "jejaring" both hit. */
    var synonyms = {};
    Object.keys(options.synonyms || {}).forEach(function (key) {
      roots(key).forEach(function (k) {
        synonyms[k] = (synonyms[k] || []).concat(options.synonyms[key]);
      });
    });

    expandQueries(lunr, roots, synonyms);

    /* Words are indexed as written (trimmed, lower case): no stemmer, no stop words. Question
       words such as "how often" or "kapan" matter in FAQ titles, and common words weigh
       little in lunr's BM25 anyway. */
    var plugin = function () {
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.pipeline.add(lunr.trimmer);
    };
    /* Material removes from the pipeline whichever of trimmer, stopWordFilter and stemmer the
       index config leaves out; the index asks for the trimmer only, the one this plugin adds. */
    plugin.trimmer = lunr.trimmer;
    lunr[code] = plugin;
  }

  root.kbSearch = { stemIndonesian: stemIndonesian, register: register };
})(typeof self !== "undefined" ? self : this);
