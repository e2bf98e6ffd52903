/*
 * The search engine in the browser: loads the index manifest (no vocabulary, only where each
 * postings shard starts), fetches only the postings shards a query's words reach, expands its
 * terms with lunr.js's pipeline (prefixes from the fetched shards; typos with lunr's token set
 * over the vocabulary, fetched only then) and scores them as lunr.js would (search-score.js).
 * Queries are planned clause by clause (never parsed with lunr's query syntax, which throws on
 * `: ^ ~ * + -`), every clause optional.
 * The query plan is the twin of plugins/cus_catalogue/search/query.py.
 */
import lunr from "../vendor/lunr-2.3.9.min.js";
import {
  analyze, configure, fold, isStopWord, registerPipeline, tokenize,
} from "./search-analyzer.js";
import { getJson } from "./json.js";
import { LemmaMap, lemmaShardOf } from "./search-lemmas.js";
import { Postings, score } from "./search-score.js";
import { matchSituations } from "./search-situations.js";

/* lunr's own warning needs a `this` that an ES module does not give it. */
lunr.utils.warn = function (message) { console.warn(message); };

function codePoints(text) {
  return Array.from(text).length;
}

/* Clauses for the text: exact (stemmed) for every word; fuzzy (typos) only for a word none
   of whose terms is known (in the index), so common words do not drag in their neighbours;
   prefix for the last word, the one being typed. */
function plan(text, settings, lunr, known, situations, lemmaMap, common) {
  var clauses = [];
  var seen = new Set();
  var tokens = tokenize(text).slice(0, settings.maxTokens);
  var matched = matchSituations(tokens, situations, lemmaMap);
  var isCommon = function (term) { return common ? common.has(term) : false; };
  tokens.forEach(function (token, position) {
    if (seen.has(token) || isStopWord(token)) return;
    seen.add(token);
    var word = seen.size - 1;
    var terms = lemmaMap.terms(token);
    var boost = settings.exactBoost;
    if (matched.covered.has(position)) boost = settings.tieBoost;
    else if (terms.every(isCommon)) boost = settings.commonBoost;
    lemmaMap.tokens(token).forEach(function (term) {
      clauses.push({ term: term, usePipeline: true, boost: boost, word: word });
    });
    var folded = fold(token);
    /* Prefix only for the last word, the one being typed; earlier words are complete. */
    if (position === tokens.length - 1 && codePoints(folded) >= settings.prefixMinLength) {
      clauses.push({
        term: folded,
        usePipeline: false,
        wildcard: lunr.Query.wildcard.TRAILING,
        boost: settings.prefixBoost,
        word: word
      });
    }
    var typo = !terms.some(function (term) {
      return known ? Object.prototype.hasOwnProperty.call(known, term) : false;
    });
    if (typo && codePoints(token) >= settings.fuzzyMinLength) {
      clauses.push({
        term: token, usePipeline: true, editDistance: 1, boost: settings.fuzzyBoost, word: word
      });
    }
  });
  matched.concepts.forEach(function (terms, number) {
    terms.forEach(function (term) {
      clauses.push({
        term: term, usePipeline: false, boost: settings.situationBoost, word: seen.size + number
      });
    });
  });
  return clauses;
}

/* The number of the last of the sorted ranges [[first, ...]...] starting at or before key
   (-1 when key sorts before the first). */
function rangeOf(ranges, key) {
  var lo = 0;
  var hi = ranges.length - 1;
  if (hi < 0 || key < ranges[0][0]) return -1;
  while (lo < hi) {
    var mid = (lo + hi + 1) >> 1;
    if (ranges[mid][0] <= key) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/* Sorted positions from their gaps (packing.py's gaps). */
function ungap(gaps) {
  var positions = new Array(gaps.length);
  var position = 0;
  for (var i = 0; i < gaps.length; i++) {
    position += gaps[i];
    positions[i] = position;
  }
  return positions;
}

function Engine(manifest, manifestUrl, options) {
  this.lunr = lunr;
  this.manifest = manifest;
  this.baseUrl = manifestUrl;
  this.refineConfig = (options && options.refine) || null;
  configure(manifest.analyzer);
  registerPipeline(lunr);
  /* term -> its place in the sorted vocabulary, for the terms of the shards fetched so far */
  this.position = Object.create(null);
  this.pipeline = lunr.Pipeline.load(manifest.pipeline);
  this.expansions = new Map();
  this.postings = new Postings();
  this.demoted = new Set(ungap(manifest.demoted || []));
  this.shards = Object.create(null);
  this.shardTerms = Object.create(null);
  this.tables = Object.create(null);
  this.tokenSet = null;
  this.lemmaShards = Object.create(null);
  this.lemmaMap = new LemmaMap();
  this.common = new Set(manifest.common || []);
  this.files = new Map();
  this.vocabulary = null;
}

Engine.load = function (manifestUrl, options) {
  return getJson(manifestUrl).then(function (manifest) {
    return new Engine(manifest, manifestUrl, options);
  });
};

Engine.prototype.url = function (name) {
  return new URL(name, this.baseUrl).href;
};

Engine.prototype.plan = function (text) {
  return plan(String(text || ''), this.manifest.query, this.lunr, this.position,
    this.manifest.situations, this.lemmaMap, this.common);
};

/* The numbers of the sorted ranges [[first, ...]...] that may hold keys starting with prefix:
   the one where it would sort, and those after it whose first key starts with it. */
function prefixRanges(ranges, prefix) {
  var numbers = [];
  for (var n = Math.max(0, rangeOf(ranges, prefix)); n < ranges.length; n++) {
    if (n > 0 && ranges[n][0] > prefix && ranges[n][0].indexOf(prefix) !== 0) break;
    numbers.push(n);
  }
  return numbers;
}

/* The shard entries [first, start, file] that may hold the term (or, with prefix true, terms
   starting with it), from the shard tables fetched (fetchTables). */
Engine.prototype.shardsOf = function (term, prefix) {
  var self = this;
  var groups = this.manifest.shards;
  var numbers = prefix ? prefixRanges(groups, term) : [rangeOf(groups, term)];
  var entries = [];
  numbers.forEach(function (g) {
    var table = g >= 0 ? self.tables[g] : null;
    if (!table) return;
    (prefix ? prefixRanges(table, term) : [rangeOf(table, term)]).forEach(function (n) {
      if (n >= 0) entries.push(table[n]);
    });
  });
  return entries;
};

/* Fetch the shard tables that may name the terms' (and prefixes') shards. */
Engine.prototype.fetchTables = function (terms, prefixes) {
  var self = this;
  var groups = this.manifest.shards;
  var needed = new Set();
  terms.forEach(function (term) { needed.add(rangeOf(groups, term)); });
  prefixes.forEach(function (prefix) {
    prefixRanges(groups, prefix).forEach(function (g) { needed.add(g); });
  });
  needed.delete(-1);
  return Promise.all(Array.from(needed).map(function (g) {
    return self.file(groups[g][1]).then(function (table) { self.tables[g] = table; });
  }));
};

/* Fetch the shards of the terms and prefixes (their tables first). */
Engine.prototype.fetchShardsOf = function (terms, prefixes) {
  var self = this;
  return this.fetchTables(terms, prefixes).then(function () {
    var entries = new Set();
    terms.forEach(function (t) { self.shardsOf(t, false).forEach(function (e) { entries.add(e); }); });
    prefixes.forEach(function (p) {
      self.shardsOf(p, true).forEach(function (e) { entries.add(e); });
    });
    return Promise.all(Array.from(entries).map(function (e) { return self.loadShard(e); }));
  });
};

/* The terms starting with prefix (its shards fetched). */
Engine.prototype.prefixed = function (prefix) {
  var self = this;
  var terms = [];
  this.shardsOf(prefix, true).forEach(function (entry) {
    (self.shardTerms[entry[2]] || []).forEach(function (term) {
      if (term.indexOf(prefix) === 0) terms.push(term);
    });
  });
  return terms;
};

/* The index terms a clause reaches, expanded exactly as lunr.Index#query does (its pipeline's
   terms, or the term as typed; each exact, as a prefix or within one edit), repeats kept as
   lunr counts them. The shards of its terms (and the vocabulary, for a typo) are fetched
   first (fetchShards). Remembered: typing a query repeats its earlier words' clauses. */
Engine.prototype.expand = function (clause) {
  var key = [clause.term, clause.usePipeline, clause.wildcard || 0, clause.editDistance || 0]
    .join('\u0000');
  var terms = this.expansions.get(key);
  if (terms) return terms;
  var self = this;
  terms = [];
  this.typed(clause).forEach(function (term) {
    if ('editDistance' in clause) {
      var probe = { term: term, editDistance: clause.editDistance };
      self.tokenSet.intersect(lunr.TokenSet.fromClause(probe)).toArray().forEach(function (t) {
        terms.push(t);
      });
    } else if (clause.wildcard) {
      self.prefixed(term).forEach(function (t) { terms.push(t); });
    } else if (term in self.position) {
      terms.push(term);
    }
  });
  this.expansions.set(key, terms);
  return terms;
};

/* The clause's terms before expansion: its pipeline's, or the term as typed. */
Engine.prototype.typed = function (clause) {
  return clause.usePipeline ? this.pipeline.runString(clause.term) : [clause.term];
};

/* A JSON file beside the manifest, fetched once. */
Engine.prototype.file = function (name) {
  if (!this.files.has(name)) this.files.set(name, getJson(this.url(name)));
  return this.files.get(name);
};

/* Fetch one postings shard ([first, start, file] of its table), once. */
Engine.prototype.loadShard = function (entry) {
  var self = this;
  var name = entry[2];
  if (!this.shards[name]) {
    this.shards[name] = this.file(name).then(function (terms) {
      self.shardTerms[name] = terms.map(function (pair, i) {
        self.position[pair[0]] = entry[1] + i;
        self.postings.add(pair[0], pair[1]);
        return pair[0];
      });
    });
  }
  return this.shards[name];
};

/* Fetch the shards a query's words may reach: their terms (to tell known words from typos
   and match them exactly) and the range of the word being typed (to expand it as a prefix). */
Engine.prototype.fetchShards = function (text) {
  var self = this;
  var terms = [];
  var prefixes = [];
  plan(text, this.manifest.query, this.lunr, null, this.manifest.situations, this.lemmaMap,
    this.common).forEach(function (clause) {
    if (clause.wildcard) prefixes.push(clause.term);
    else self.typed(clause).forEach(function (term) { terms.push(term); });
  });
  tokenize(text).slice(0, this.manifest.query.maxTokens).forEach(function (token) {
    self.lemmaMap.terms(token).forEach(function (term) { terms.push(term); });
  });
  return this.fetchShardsOf(terms, prefixes);
};

/* The whole vocabulary as a token set, fetched only for a word the index does not know. */
Engine.prototype.loadVocabulary = function () {
  var self = this;
  if (!this.vocabulary) {
    this.vocabulary = Promise.all(this.manifest.vocabulary.map(function (name) {
      return self.file(name);
    })).then(function (parts) {
      var builder = new lunr.TokenSet.Builder();
      parts.forEach(function (terms) { terms.forEach(function (t) { builder.insert(t); }); });
      builder.finish();
      self.tokenSet = builder.root;
    });
  }
  return this.vocabulary;
};

/* Fetch the lemma shards of the text's words (once each). */
Engine.prototype.loadLemmas = function (text) {
  var self = this;
  var starts = this.manifest.lemmas || [];
  var needed = new Set();
  tokenize(String(text || '')).slice(0, this.manifest.query.maxTokens).forEach(
    function (token) {
      var n = lemmaShardOf(starts, token);
      if (n >= 0) needed.add(n);
    });
  return Promise.all(Array.from(needed).map(function (n) {
    if (!self.lemmaShards[n]) {
      self.lemmaShards[n] = getJson(self.url(starts[n][1])).then(function (shard) {
        self.lemmaMap.add(shard);
      });
    }
    return self.lemmaShards[n];
  }));
};

Engine.prototype.ensureTerms = function (terms) {
  var self = this;
  return this.fetchShardsOf(Array.from(terms).filter(function (term) {
    return !self.postings.has(term);
  }), []);
};

Engine.prototype.loadFacets = function () {
  return this.file(this.manifest.facets);
};

/* The positions of the services having one of the values of a facet (for "id", the
   services of those ids). */
Engine.prototype.facetPositions = function (facet, values) {
  var self = this;
  return this.loadFacets().then(function (table) {
    var files = table[facet] || {};
    if (typeof files === 'string') {
      return self.file(files).then(function (ids) {
        return values.filter(function (value) {
          return Object.prototype.hasOwnProperty.call(ids, value);
        }).map(function (value) { return ids[value]; });
      });
    }
    var known = values.filter(function (value) {
      return Object.prototype.hasOwnProperty.call(files, value);
    });
    return Promise.all(known.map(function (value) {
      return self.file(files[value]).then(ungap);
    })).then(function (lists) { return [].concat.apply([], lists); });
  });
};

/* Filters that need the catalogue's data (open now, free for me): search-refine.js, whose
   address and data the page gives (options.refine of Engine.load). {ids, problems} or null. */
function refined(filters, config) {
  var wanted = filters.otwarte || filters.dzien || filters.godzina ||
    (filters.bezplatne && filters.dochod);
  if (!config || !wanted) return Promise.resolve(null);
  return import(config.module).then(function (module) {
    return module.refine(filters, config);
  });
}

/* Positions allowed by the filters (null when no filter is set); what a filter could not
   read is in allowed.problems. */
Engine.prototype.allowed = function (filters) {
  var wanted = [];
  if (filters.dla) wanted.push(['audiences', filters.dla]);
  if (filters.obszar) wanted.push(['areas', filters.obszar]);
  if (filters.realizator) wanted.push(['providers', filters.realizator]);
  if (filters.bezplatne && !filters.dochod) wanted.push(['free', '1']);
  if (filters.osrodek) wanted.push(['centres', filters.osrodek]);
  var self = this;
  return refined(filters, this.refineConfig).then(function (refine) {
    if (refine && refine.ids) {
      wanted.push(['id', Array.from(refine.ids)]);
    }
    if (!wanted.length) return refine && refine.problems.length ? { problems: refine.problems }
      : null;
    return Promise.all(wanted.map(function (pair) {
      return self.facetPositions(pair[0], Array.isArray(pair[1]) ? pair[1] : [pair[1]]);
    })).then(function (lists) {
      var allowed = null;
      lists.forEach(function (positions) {
        var set = new Set(positions);
        allowed = allowed === null ? set : new Set(Array.from(allowed).filter(function (p) {
          return set.has(p);
        }));
      });
      allowed.problems = refine ? refine.problems : [];
      return allowed;
    });
  });
};

/* Best score first (rounded to 1e-6, then position), except that a suspended or planned
   service goes below every active one that matches at least as many query words: exactly
   as demotion.py orders them. */
function demote(matches) {
  var ranked = matches.slice().sort(function (a, b) {
    return (b.key - a.key) || (a.position - b.position);
  });
  var lastActive = {};
  ranked.forEach(function (match, index) {
    if (!match.demoted) lastActive[match.words] = index;
  });
  var places = ranked.map(function (match, index) {
    var place = index;
    if (match.demoted) {
      var barrier = -1;
      Object.keys(lastActive).forEach(function (words) {
        if (Number(words) >= match.words) barrier = Math.max(barrier, lastActive[words]);
      });
      place = Math.max(place, barrier + 0.5);
    }
    return { place: place, index: index, match: match };
  });
  places.sort(function (a, b) { return (a.place - b.place) || (a.index - b.index); });
  return places.map(function (item) {
    return {
      position: item.match.position, score: item.match.score, key: item.match.key,
      words: item.match.words
    };
  });
}

/* Ranked results of the clauses: scored (search-score.js), then ordered by demote(). The
   number of query words ("words" of a clause) tells isWeak how much of the query matched. */
Engine.prototype.rank = function (clauses) {
  var self = this;
  var expanded = clauses.map(function (clause) {
    return { terms: self.expand(clause), boost: clause.boost, word: clause.word };
  });
  var manifest = this.manifest;
  var scored = score(expanded, this.postings, this.position, manifest.fields.length,
    manifest.count);
  var ranked = demote(scored.map(function (match) {
    return {
      position: match.position,
      score: match.score,
      key: Math.round(match.score * 1e6),
      demoted: self.demoted.has(match.position),
      words: match.words
    };
  }));
  ranked.queryWords = 1 + clauses.reduce(function (most, c) { return Math.max(most, c.word); }, -1);
  var situationBoost = manifest.query.situationBoost;
  ranked.situation = clauses.some(function (c) { return c.boost === situationBoost; });
  return ranked;
};

/* Weak results: no life situation was recognised and even the best result matches under a
   third of the query's words, so the page also offers the situations and the centre's
   phone. */
Engine.isWeak = function (ranked) {
  return ranked.length > 0 && !ranked.situation && ranked[0].words * 3 < (ranked.queryWords || 0);
};

/* Resolve to ranked results [{position, score}] for text and filters; never throws on input. */
Engine.prototype.search = function (text, filters) {
  var self = this;
  filters = filters || {};
  var ranked = this.loadLemmas(text).then(function () {
    return self.fetchShards(String(text || ''));
  }).then(function () {
    var clauses = self.plan(text);
    if (!clauses.length) return null;
    var typo = clauses.some(function (clause) { return 'editDistance' in clause; });
    return (typo ? self.loadVocabulary() : Promise.resolve()).then(function () {
      var reachable = new Set();
      clauses.forEach(function (clause) {
        self.expand(clause).forEach(function (term) { reachable.add(term); });
      });
      return self.ensureTerms(reachable);
    }).then(function () {
      return self.rank(clauses);
    });
  });
  return Promise.all([ranked, this.allowed(filters)]).then(function (both) {
    var list = both[0];
    var allowed = both[1];
    var found;
    if (allowed && !(allowed instanceof Set)) allowed = null; // only problems to tell
    if (list === null) {
      found = allowed === null ? [] : Array.from(allowed).sort(function (a, b) {
        return a - b;
      }).map(function (p) { return { position: p, score: 0 }; });
    } else {
      found = allowed === null ? list : list.filter(function (r) {
        return allowed.has(r.position);
      });
    }
    if (list !== null) {
      found.queryWords = list.queryWords;
      found.situation = list.situation;
    }
    found.problems = (both[1] && both[1].problems) || [];
    return found;
  });
};

/* Does the text speak of danger (a crisis word of the manifest in any form, or a life
   situation meaning one, "nie chce mi się żyć")? Then the page shows the emergency numbers
   first. */
Engine.prototype.isCrisis = function (text) {
  var crisis = new Set(this.manifest.crisis || []);
  var tokens = tokenize(String(text || '')).slice(0, this.manifest.query.maxTokens);
  var concepts = matchSituations(tokens, this.manifest.situations, this.lemmaMap).concepts;
  var terms = concepts.reduce(function (all, some) { return all.concat(some); },
    analyze(String(text || '')));
  return terms.some(function (term) { return crisis.has(term); });
};

/* The result records (id, name, summary, provider, fee…) of the given positions: only the
   chunks (and tables of chunks) holding them are fetched. */
Engine.prototype.records = function (positions) {
  var self = this;
  var docs = this.manifest.docs;
  return Promise.all(positions.map(function (p) {
    var chunk = Math.floor(p / docs.records);
    var table = docs.tables[Math.floor(chunk / docs.chunks)];
    return self.file(table).then(function (names) {
      return self.file(names[chunk % docs.chunks]);
    }).then(function (records) { return records[p % docs.records]; });
  }));
};

export { Engine, plan };
