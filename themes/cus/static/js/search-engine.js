/*
 * The search engine in the browser: loads the index manifest, fetches only the postings
 * shards a query needs, rebuilds those parts of a lunr.Index and lets lunr.js score them.
 * Queries are built with index.query() (never index.search(userText)), every clause optional.
 * The query plan is the twin of plugins/cus_catalogue/search/query.py.
 */
import lunr from "../vendor/lunr-2.3.9.min.js";
import {
  analyze, configure, fold, isStopWord, registerPipeline, tokenize,
} from "./search-analyzer.js";
import { getJson } from "./json.js";
import { LemmaMap, lemmaShardOf } from "./search-lemmas.js";
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

/* Position of the chunk holding item i, given the sorted first items of every chunk. */
function chunkOf(starts, i) {
  var lo = 0;
  var hi = starts.length - 1;
  while (lo < hi) {
    var mid = (lo + hi + 1) >> 1;
    if (starts[mid][0] <= i) lo = mid; else hi = mid - 1;
  }
  return lo;
}

function Engine(manifest, manifestUrl, options) {
  this.lunr = lunr;
  this.manifest = manifest;
  this.baseUrl = manifestUrl;
  this.refineConfig = (options && options.refine) || null;
  configure(manifest.analyzer);
  registerPipeline(lunr);
  this.position = Object.create(null);
  var builder = new lunr.TokenSet.Builder();
  for (var i = 0; i < manifest.terms.length; i++) {
    builder.insert(manifest.terms[i]);
    this.position[manifest.terms[i]] = i;
  }
  builder.finish();
  this.index = new lunr.Index({
    invertedIndex: Object.create(null),
    fieldVectors: Object.create(null),
    tokenSet: builder.root,
    fields: manifest.fields,
    pipeline: lunr.Pipeline.load(manifest.pipeline)
  });
  this.shards = Object.create(null);
  this.lemmaShards = Object.create(null);
  this.lemmaMap = new LemmaMap();
  this.common = new Set(manifest.common || []);
  this.docChunks = Object.create(null);
  this.facets = null;
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

/* Every index term the clauses can reach, expanded exactly as lunr.Index.query does. */
Engine.prototype.reachableTerms = function (clauses) {
  var lunr = this.lunr;
  var index = this.index;
  var found = new Set();
  clauses.forEach(function (clause) {
    var terms = clause.usePipeline ? index.pipeline.runString(clause.term) : [clause.term];
    terms.forEach(function (term) {
      var probe = { term: clause.wildcard ? term + '*' : term };
      if ('editDistance' in clause) probe.editDistance = clause.editDistance;
      index.tokenSet.intersect(lunr.TokenSet.fromClause(probe)).toArray().forEach(function (t) {
        found.add(t);
      });
    });
  });
  return found;
};

Engine.prototype.loadShard = function (number) {
  var self = this;
  if (!this.shards[number]) {
    var name = this.manifest.shards[number][1];
    this.shards[number] = getJson(this.url(name)).then(function (postings) {
      self.addPostings(postings);
    });
  }
  return this.shards[number];
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

Engine.prototype.addPostings = function (postings) {
  var fields = this.manifest.fields;
  var inverted = this.index.invertedIndex;
  var vectors = this.index.fieldVectors;
  var lunr = this.lunr;
  Object.keys(postings).forEach(function (term) {
    var termIndex = this.position[term];
    var posting = { _index: termIndex };
    fields.forEach(function (field) { posting[field] = Object.create(null); });
    postings[term].forEach(function (flat) {
      var field = fields[flat[0]];
      for (var k = 1; k < flat.length; k += 2) {
        var ref = String(flat[k]);
        posting[field][ref] = Object.create(null);
        var key = field + '/' + ref;
        var vector = vectors[key] || (vectors[key] = new lunr.Vector());
        vector.upsert(termIndex, flat[k + 1], function (a, b) { return b; });
      }
    });
    inverted[term] = posting;
  }, this);
};

Engine.prototype.ensureTerms = function (terms) {
  var needed = new Set();
  var self = this;
  terms.forEach(function (term) {
    if (!self.index.invertedIndex[term]) {
      needed.add(chunkOf(self.manifest.shards, self.position[term]));
    }
  });
  return Promise.all(Array.from(needed).map(function (n) { return self.loadShard(n); }));
};

Engine.prototype.loadFacets = function () {
  if (!this.facets) this.facets = getJson(this.url(this.manifest.facets));
  return this.facets;
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
  var self = this;
  return refined(filters, this.refineConfig).then(function (refine) {
    if (refine && refine.ids) {
      wanted.push(['id', Array.from(refine.ids)]);
    }
    if (!wanted.length) return refine && refine.problems.length ? { problems: refine.problems }
      : null;
    return self.loadFacets().then(function (facets) {
      var allowed = null;
      wanted.forEach(function (pair) {
        var bucket = facets[pair[0]] || {};
        var values = Array.isArray(pair[1]) ? pair[1] : [pair[1]];
        var set = new Set();
        values.forEach(function (value) {
          if (Object.prototype.hasOwnProperty.call(bucket, value)) {
            bucket[value].forEach(function (p) { set.add(p); });
          }
        });
        allowed = allowed === null ? set : new Set(Array.from(allowed).filter(function (p) {
          return set.has(p);
        }));
      });
      allowed.problems = refine ? refine.problems : [];
      return allowed;
    });
  });
};

/* For each query word, every index term its clauses reach (demotion.py's word_terms). */
Engine.prototype.wordTerms = function (clauses) {
  var groups = [];
  clauses.forEach(function (clause) {
    (groups[clause.word] = groups[clause.word] || []).push(clause);
  });
  return groups.map(function (group) { return this.reachableTerms(group); }, this);
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

Engine.prototype.rank = function (clauses) {
  var demoted = new Set(this.manifest.demoted || []);
  var words = this.wordTerms(clauses);
  var results = this.index.query(function (q) {
    clauses.forEach(function (clause) {
      var options = Object.assign({}, clause);
      delete options.term;
      delete options.word;
      q.term(clause.term, options);
    });
  });
  var ranked = demote(results.map(function (r) {
    var matched = Object.keys(r.matchData.metadata);
    var position = Number(r.ref);
    return {
      position: position,
      score: r.score,
      key: Math.round(r.score * 1e6),
      demoted: demoted.has(position),
      words: words.filter(function (terms) {
        return matched.some(function (term) { return terms.has(term); });
      }).length
    };
  }));
  ranked.queryWords = words.length;
  var situationBoost = this.manifest.query.situationBoost;
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
    var clauses = self.plan(text);
    if (!clauses.length) return null;
    return self.ensureTerms(self.reachableTerms(clauses)).then(function () {
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

/* The result records (id, name, summary, provider, fee…) of the given positions. */
Engine.prototype.records = function (positions) {
  var self = this;
  var starts = this.manifest.docs;
  var wanted = new Set(positions.map(function (p) { return chunkOf(starts, p); }));
  var loads = Array.from(wanted).map(function (n) {
    if (!self.docChunks[n]) self.docChunks[n] = getJson(self.url(starts[n][1]));
    return self.docChunks[n];
  });
  return Promise.all(loads).then(function () {
    return Promise.all(positions.map(function (p) {
      var n = chunkOf(starts, p);
      return self.docChunks[n].then(function (chunk) { return chunk[p - starts[n][0]]; });
    }));
  });
};

export { Engine, plan };
