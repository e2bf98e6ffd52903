/*
 * Scores in the browser: exactly what lunr.Index#query computes for our queries (every clause
 * optional, in every field), without the objects it makes for each match (MatchData, FieldRef,
 * sets, document vectors): at 10,000 services those were most of a query's time.
 * The query vector holds, for each index term, the sum of the boosts of the clauses reaching
 * it; a field of a document scores dot(query, field) / |query| (lunr's Vector#similarity,
 * terms in index order) and a document the sum over its fields. lunr.py computes the same
 * (query.py); tests/test_search_situations_browser.py compares the rankings.
 */

/* Postings as the index shards ship them (packing.py): [[field, gap, weight * 1000, ...]...],
   kept as [[field, position, weight, ...]...]. */
export class Postings {
  constructor() {
    this.byTerm = new Map();
  }

  add(term, perField) {
    this.byTerm.set(term, perField.map((packed) => {
      const flat = new Array(packed.length);
      flat[0] = packed[0];
      let position = 0;
      for (let k = 1; k < packed.length; k += 2) {
        position += packed[k];
        flat[k] = position;
        flat[k + 1] = packed[k + 1] / 1000;
      }
      return flat;
    }));
  }

  has(term) {
    return this.byTerm.has(term);
  }

  of(term) {
    return this.byTerm.get(term) || [];
  }
}

/* Sum of the clauses' boosts per term. */
function queryVector(expanded) {
  const weights = new Map();
  for (const clause of expanded) {
    for (const term of clause.terms) {
      weights.set(term, (weights.get(term) || 0) + clause.boost);
    }
  }
  return weights;
}

/* [{position, score, words}] for the expanded clauses [{terms, boost, word}]: every document
   some term reaches, its score, and how many query words (clause.word) reach it. */
export function score(expanded, postings, position, fields, count) {
  const weights = queryVector(expanded);
  /* terms in index order (their place in the sorted vocabulary), as lunr adds them */
  const terms = Array.from(weights.keys()).sort((a, b) => position[a] - position[b]);
  let squares = 0;
  for (const term of terms) squares += weights.get(term) * weights.get(term);
  const magnitude = Math.sqrt(squares);
  const dots = Array.from({ length: fields }, () => new Float64Array(count));
  const touched = new Uint8Array(count);
  const found = [];
  for (const term of terms) {
    const weight = weights.get(term);
    for (const flat of postings.of(term)) {
      const dot = dots[flat[0]];
      for (let k = 1; k < flat.length; k += 2) {
        const doc = flat[k];
        dot[doc] += weight * flat[k + 1];
        if (!touched[doc]) {
          touched[doc] = 1;
          found.push(doc);
        }
      }
    }
  }
  const words = wordCounts(expanded, postings, count);
  return found.map((doc) => {
    let total = 0;
    for (const dot of dots) if (dot[doc]) total += dot[doc] / magnitude;
    return { position: doc, score: total, words: words[doc] };
  });
}

/* For each document, how many query words have a term in it (in any field). */
function wordCounts(expanded, postings, count) {
  const reach = new Map();
  for (const clause of expanded) {
    if (!reach.has(clause.word)) reach.set(clause.word, new Set());
    for (const term of clause.terms) reach.get(clause.word).add(term);
  }
  const counts = new Uint16Array(count);
  const last = new Int32Array(count).fill(-1);
  for (const [word, terms] of reach) {
    for (const term of terms) {
      for (const flat of postings.of(term)) {
        for (let k = 1; k < flat.length; k += 2) {
          if (last[flat[k]] !== word) {
            last[flat[k]] = word;
            counts[flat[k]] += 1;
          }
        }
      }
    }
  }
  return counts;
}
