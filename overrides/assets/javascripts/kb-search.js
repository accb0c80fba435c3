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
    if (/^pelajar/.test(word)) out.push(word.slice(3)); /* pelajari -> ajari, like belajar */
    var simple = /^(di|ke|ter|ber|per|be|se)(.*)$/.exec(word);
    if (simple && !/^r[^aeiou]/.test(simple[2])) {
      rest = simple[2];
      if (simple[1] === "be") {
        if (/^[^aeiou]er/.test(rest)) out.push(rest); /* bekerja -> kerja */
        else if (rest === "lajar") out.push("ajar"); /* belajar */
      } else {
        out.push(rest);
        /* ter-, ber-, per- before r lose one r: terencana -> rencana, berantai -> rantai */
        if (/^(ter|ber|per)$/.test(simple[1]) && isVowel(rest.charAt(0))) out.push("r" + rest);
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

  /* relasi, diskusi, komunikasi: a final -si is part of the word, not the suffix -i; unless
     what remains is itself a word of the site (batasi -> batas, melintasi -> lintas). */
  function suffixGuard(known) {
    return function (rest, ending) {
      return !(ending === "i" && rest.slice(-1) === "s") || !!(known && known(rest));
    };
  }

  /* Words that look affixed but are roots: stripping them would merge unrelated words
     (peluang is not luang, empati is not empat, selalu is not lalu, mengapa is not apa). */
  var ROOT_WORDS = {};
  ("peluang empati selalu mengapa bersedia sedia pesan perut kenal semua sedang sekali " +
    "terima kemudian berapa beliau pelan").split(" ").forEach(function (w) { ROOT_WORDS[w] = true; });

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
  function stemIndonesian(word, known) {
    var seen = {};
    var out = [word];
    seen[word] = true;
    if (ROOT_WORDS[word]) return out;
    if (measure(word) <= 2) {
      /* setim -> tim: a one-vowel root counts only when the site uses it as a word */
      var short = /^(se|ber|ter|di|ke)([^aeiou]*[aeiou][^aeiou]+)$/.exec(word);
      if (short && known && known(short[2])) out.push(short[2]);
      return out;
    }
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
        /* A second prefix is only ever per-, ber- or pe- (memperbaiki, diperhatikan): so
           bersedia does not lose se- as well and end up as "dia". */
        if (round === 1 && !/^(per|ber|pe|be)/.test(stems[i])) continue;
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
        var s = stripOne(all[k], [SUFFIXES[n]], suffixGuard(known));
        if (s && measure(s) >= 2) addUnique(out, seen, s);
      }
    }
    return out;
  }

  var ROOT_BOOST = 0.5; /* a word sharing a root ranks below the word as typed */
  var DEEPER_ROOT = 0.5; /* halved again for a root below the term's own */
  var SYNONYM_BOOST = 0.7; /* a glossary synonym: the same concept, in other words */
  var CHAT_BOOST = 1.0; /* a chat spelling's standard form counts as the word itself */
  var SPOKEN_BOOST = 0.8; /* a root read through a spoken affix (nyari -> cari) */
  var SPLIT_BOOST = 0.5; /* each half of a word typed without its space */
  var STOP_BOOST = 0.05; /* question words and short function words barely count */
  var TYPO_BOOST = 0.2; /* and a one-letter typo below all of them */
  var UNKNOWN_TYPO_BOOST = 0.8;
  var TYPO_MIN_LENGTH = 5;
  /* Entries of one page that score at least this share of its best stay visible (at most
     MAX_VISIBLE), instead of folding under "N more on this page". */
  var VISIBLE_SHARE = 0.5;
  var MAX_VISIBLE = 3;
  /* A page's own entry (its title and introduction) against its sections: on a tie the
     section or answer, which is more precise, comes first. Chosen on the realistic table. */
  var PAGE_WEIGHT = 0.8;

  /* Question words, pronouns and function words: they neither dominate ranking nor become
     prefix queries ("a*", "di*" match half the site). A query made only of them still runs. */
  var STOP_WORDS = {
    id: ("ada adalah agar akan aku anda apa apakah atau bagaimana begitu begini belum berapa " +
      "bisa cara dalam dan dari deh di dong harus ini itu jika juga kalau kami kapan ke kenapa " +
      "kita kok lagi lebih mana masih mengapa nih oleh pada perlu saja saya sebaiknya seberapa " +
      "sih siapa sudah supaya tidak tuh untuk ya yang dengan sangat").split(" "),
    en: ("a about am an and are as at be by can could did do does for from get how i i'm if im " +
      "in is it its me my of on or should so that the there this to what when where which who " +
      "why with would you your").split(" "),
  };

  /* Forms a word typed in spoken Indonesian may stand for (nyari -> cari, ngobrol -> obrol,
     ngegosip -> gosip, kasihin -> kasih, ketemu -> temu). Only forms that are roots of the
     site's own words are searched, so the rules cannot invent matches. */
  function spokenForms(word) {
    var out = [];
    var bases = [word];
    var m = /^(.{3,})in$/.exec(word);
    if (m) bases.push(m[1]);
    bases.forEach(function (w) {
      var r;
      if ((r = /^nge(.{3,})$/.exec(w))) out.push(r[1]);
      if ((r = /^ng([aeiou].{2,})$/.exec(w))) out.push(r[1], "k" + r[1]);
      if ((r = /^ny([aeiou].{2,})$/.exec(w))) out.push("s" + r[1], "c" + r[1]);
      if ((r = /^ke(.{3,})$/.exec(w))) out.push(r[1]);
      if (w !== word) out.push(w, w + "kan", w + "i");
    });
    return out;
  }

  function withinOneEdit(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) ||
      a.slice(i + 1) === b.slice(i);
  }

  /* Every indexed word under each of its roots, built once per index from its vocabulary:
     "bangun" -> [bangun, membangun, dibangun, pembangunan]. A stripped form counts as a root
     only if it is itself a word of the site (or the glossary), or the shared root of two or
     more of its words (pertemuan, bertemu -> temu): a fragment such as "encana" from
     "terencana" never joins words together. */
  function wordsByRoot(index, roots, vocabulary) {
    var words = Object.keys(index.invertedIndex);
    var known = {};
    words.concat(vocabulary).forEach(function (w) { known[w] = true; });
    var candidates = {};
    var count = {};
    words.forEach(function (word) {
      var forms = roots(word);
      candidates[word] = forms;
      forms.forEach(function (r, i) { if (i > 0) count[r] = (count[r] || 0) + 1; });
    });
    var map = {};
    var typed = {}; /* unfiltered: what the reader types is a word, so its own words count */
    words.forEach(function (word) {
      candidates[word].forEach(function (r, i) {
        (typed[r] = typed[r] || []).push(word);
        if (i > 0 && !known[r] && count[r] < 2) return;
        (map[r] = map[r] || []).push(word);
      });
    });
    return { roots: map, typed: typed };
  }

  /* Query side, the whole mechanism. lunr runs no pipeline on wildcard terms and Material
     makes every term a prefix query ("bangun*"), so the index holds words as written and
     each query clause is rewritten here:
     - only the last word (the one being typed) stays a prefix; stop words lose their weight,
     - chat spellings add their standard form (gmn -> bagaimana, yg -> yang),
     - sibling clauses (same fields, lower boost, OPTIONAL) for every indexed word that shares
       a root with the term, for spoken affixes, for each glossary synonym, for the halves of
       a word typed without a space, and for longer terms a one-edit fuzzy match (typos),
       with the glossary synonyms of the word the typo stands for.
     Words as written keep one token per position, so Material's highlighting stays intact.
     Installed once per worker (one language per worker) on lunr's public Index#query;
     lunr 2.3.9 is frozen upstream. */
  function expandQueries(lunr, ctx) {
    if (lunr.Index.prototype.kbExpanded) return;
    var query = lunr.Index.prototype.query;
    var roots = ctx.roots;
    lunr.Index.prototype.query = function (build) {
      var index = this;
      if (ctx.setIndex) ctx.setIndex(index);
      index.kbWordsByRoot = index.kbWordsByRoot || wordsByRoot(index, roots, ctx.vocabulary);
      var byRoot = index.kbWordsByRoot.roots;
      var byTyped = index.kbWordsByRoot.typed;
      return query.call(index, function (q) {
        build.call(q, q);
        var clauses = q.clauses.filter(function (c) {
          return c.presence !== lunr.Query.presence.PROHIBITED && c.term.replace(/\*/g, "");
        });
        var bareOf = function (c) { return c.term.replace(/^\*|\*$/g, ""); };
        var stops = clauses.map(function (c) {
          var bare = bareOf(c);
          var std = ctx.colloquial[bare];
          return !!(ctx.stop[bare] || (std && ctx.stop[std]));
        });
        var allStop = stops.every(Boolean);
        clauses.forEach(function (clause, position) {
          var bare = bareOf(clause);
          var last = position === clauses.length - 1;
          /* Only the word being typed is a prefix, and only if it is not a finished stop word. */
          if (!(last && (!stops[position] || clauses.length === 1)) && !/\*/.test(bare)) {
            clause.term = bare;
            clause.wildcard = lunr.Query.wildcard.NONE;
          }
          if (stops[position] && !allStop) {
            clause.boost *= STOP_BOOST;
            return;
          }
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
              wildcard: lunr.Query.wildcard.NONE,
            }, options));
          }
          /* Words built on the term itself (hubungi -> menghubungi) rank above words that
             only share a deeper root (hubung -> hubungan, terhubung). */
          function related(word, boost) {
            roots(word).forEach(function (r, depth) {
              var b = clause.boost * (depth === 0 ? boost : boost * DEEPER_ROOT);
              /* kompromi -> berkompromi even though only one word of the site is built on it */
              var map = depth === 0 ? byTyped : byRoot;
              (map[r] || []).forEach(function (w) {
                add(w, { boost: b });
              });
            });
          }
          function synonymsOf(word, boost) {
            roots(word).forEach(function (r) {
              (ctx.synonyms[r] || []).forEach(function (phrase) {
                var words = phrase.split(/\s+/);
                words.forEach(function (s) {
                  var b = boost / words.length;
                  add(s, { boost: clause.boost * b });
                  related(s, b);
                });
              });
            });
          }
          var words = [bare];
          var std = ctx.colloquial[bare];
          if (std) {
            var parts = std.split(/\s+/);
            parts.forEach(function (s) {
              add(s, { boost: clause.boost * CHAT_BOOST / parts.length });
              related(s, ROOT_BOOST / parts.length);
            });
            words = words.concat(parts);
          }
          related(bare, ROOT_BOOST);
          if (ctx.indonesian) {
            spokenForms(bare).forEach(function (f) {
              if (byRoot[f]) related(f, SPOKEN_BOOST);
            });
          }
          words.forEach(function (w) { synonymsOf(w, SYNONYM_BOOST); });
          var known = !!index.invertedIndex[bare] || !!byRoot[bare];
          if (!known && bare.length >= 7) {
            /* workplacepolitics, voicenotes: the longest left half that is a word. */
            for (var i = bare.length - 3; i >= 3; i--) {
              var left = bare.slice(0, i);
              var right = bare.slice(i);
              if ((index.invertedIndex[left] || byRoot[left]) &&
                  (index.invertedIndex[right] || byRoot[right])) {
                [left, right].forEach(function (half) {
                  add(half, { boost: clause.boost * SPLIT_BOOST });
                  related(half, SPLIT_BOOST * ROOT_BOOST);
                });
                break;
              }
            }
          }
          if (bare.length >= TYPO_MIN_LENGTH && !clause.editDistance) {
            seen[bare] = false;
            /* A word the site does not have: the correction is its only reading. */
            add(bare, { editDistance: 1, boost: clause.boost * (known ? TYPO_BOOST : UNKNOWN_TYPO_BOOST) });
            if (!known) {
              /* pembimbng -> pembimbing -> mentor, kolaborsi -> kolaborasi -> berkolaborasi:
                 roots and synonyms apply after the correction too. */
              index.kbWords = index.kbWords || Object.keys(index.invertedIndex);
              index.kbWords.concat(Object.keys(ctx.synonyms)).forEach(function (w) {
                if (!withinOneEdit(w, bare)) return;
                related(w, UNKNOWN_TYPO_BOOST * ROOT_BOOST);
                synonymsOf(w, SYNONYM_BOOST * UNKNOWN_TYPO_BOOST);
              });
            }
          }
        });
      });
    };
    lunr.Index.prototype.kbExpanded = true;
  }

  /* Material scores a page's own entry up to 2.5 times a section's, so the guide whose title
     shares a word with the query hides the FAQ answer that answers it under "N more". This
     undoes that bonus and, where a section or answer beats its page, shows it first (the page
     stays as the card's heading with score 0, as Material shows a page that did not match).
     Applied to the worker's result message, the only public seam after Material's scoring. */
  function rerank(groups) {
    var scored = groups.map(function (items) {
      var list = items.map(function (item) {
        var terms = item.terms || {};
        var keys = Object.keys(terms);
        var frac = keys.length ? keys.filter(function (k) { return terms[k]; }).length / keys.length : 0;
        var page = item.location.indexOf("#") === -1;
        var g = (page ? 1 : 0) + frac;
        var raw = item.score / (1 + g * g);
        return Object.assign({}, item, { score: item.score ? raw * (1 + frac * frac) : 0 });
      });
      var pageItem = list.filter(function (i) { return i.location.indexOf("#") === -1; })[0];
      var best = Math.max.apply(null, list.map(function (i) { return i.score; }));
      var sections = Math.max.apply(null, [0].concat(list.filter(function (i) {
        return i !== pageItem;
      }).map(function (i) { return i.score; })));
      /* The page against its own sections only: across cards it keeps its full score. */
      if (pageItem && pageItem.score * PAGE_WEIGHT < sections) pageItem.score = 0;
      list.sort(function (a, b) { return b.score - a.score; });
      /* Material shows only the entries that tie with a card's first; lift the close ones to
         that score so they show (the order stays that of the real scores). */
      for (var i = 1; i < Math.min(list.length, MAX_VISIBLE); i++) {
        if (list[i].score > 0 && list[i].score >= VISIBLE_SHARE * best) list[i].score = best;
      }
      return { best: best, items: list };
    });
    scored.sort(function (a, b) { return b.best - a.best; });
    return scored.map(function (g) { return g.items; });
  }

  function installRerank(scope) {
    if (!scope || scope.kbReranked || typeof scope.postMessage !== "function") return;
    if (typeof scope.WorkerGlobalScope === "undefined") return; /* only inside the worker */
    var post = scope.postMessage;
    scope.postMessage = function (message) {
      if (message && message.type === 3 && message.data && Array.isArray(message.data.items)) {
        message = Object.assign({}, message, {
          data: Object.assign({}, message.data, { items: rerank(message.data.items) }),
        });
      }
      return post.apply(scope, arguments.length > 1 ? [message].concat([].slice.call(arguments, 1)) : [message]);
    };
    scope.kbReranked = true;
  }

  /* English roots: lunr's Porter stem, plus a derivational root so that recognition,
     recognise and recognising meet (Porter keeps "recognit" and "recogni" apart). */
  var EN_DERIVED = /(itions?|ations?|ising|izing|ised|ized|ises|izes|ise|ize|ments?|ness|ating|ated|ates|ate|ions?|ive|ity)$/;
  function englishRoots(lunr, word) {
    var out = [word];
    var stemmed = lunr.stemmer(new lunr.Token(word, {})).toString();
    if (stemmed !== word) out.push(stemmed);
    var derived = word.replace(EN_DERIVED, "");
    if (derived !== word && derived.length >= 5 && out.indexOf(derived) === -1) out.push(derived);
    return out;
  }

  /* options.synonyms maps a word to the forms also searched for (lower case; a form may be a
     phrase); options.colloquial maps chat spellings to standard forms (Indonesian only);
     options.vocabulary lists the glossary's words, which count as roots. */
  function register(lunr, code, options) {
    var indonesian = options.stemmer === "id";

    var vocabulary = {};
    (options.vocabulary || []).forEach(function (w) { vocabulary[w] = true; });
    var index = null; /* the index being searched: its words count as known roots */
    function known(word) {
      return !!(vocabulary[word] || (index && index.invertedIndex[word]));
    }
    function roots(word) {
      if (indonesian) return stemIndonesian(word, known);
      return englishRoots(lunr, word);
    }

    /* Keyed by every root of the glossary form, so "berjejaring" and "jejaring" both hit. */
    var synonyms = {};
    Object.keys(options.synonyms || {}).forEach(function (key) {
      roots(key).forEach(function (k) {
        synonyms[k] = (synonyms[k] || []).concat(options.synonyms[key]);
      });
    });
    var stop = {};
    (STOP_WORDS[indonesian ? "id" : "en"]).forEach(function (w) { stop[w] = true; });

    expandQueries(lunr, {
      setIndex: function (i) { index = i; },
      roots: roots,
      synonyms: synonyms,
      colloquial: options.colloquial || {},
      vocabulary: options.vocabulary || [],
      stop: stop,
      indonesian: indonesian,
    });
    installRerank(typeof self !== "undefined" ? self : null);

    /* Words are indexed as written (trimmed, lower case): no stemmer, no stop words. Question
       words such as "how often" or "kapan" matter in FAQ titles; the query side weighs them. */
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

  root.kbSearch = {
    stemIndonesian: stemIndonesian,
    spokenForms: spokenForms,
    englishRoots: englishRoots,
    rerank: rerank,
    STOP_WORDS: STOP_WORDS,
    register: register,
  };
})(typeof self !== "undefined" ? self : this);
