// Keyword search for Chinese text without a segmenter: a document is indexed by its
// character unigrams and bigrams (GIN over text[]); a query of length 1 looks up the
// unigram, longer queries require all their bigrams (`@>`), and the exact substring is
// then confirmed on the few candidate rows (LIKE, or ILIKE for a term with letters; see
// substringOperator). Serves 2-character terms (土地, 拆迁), which a trigram index cannot.
const SPLIT = /[\s,，.。;；:：!！?？、"“”'‘’()（）【】[\]《》<>\-—_/\\|]+/u;

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function documentGrams(...texts: (string | null | undefined)[]): string[] {
  const grams = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const run of normalise(text).split(SPLIT)) {
      const chars = [...run];
      for (let i = 0; i < chars.length; i++) {
        grams.add(chars[i]!);
        if (i + 1 < chars.length) grams.add(chars[i]! + chars[i + 1]!);
      }
    }
  }
  return [...grams];
}

/** The grams a query needs (all must be present), or [] when the query has no usable text. */
export function queryGrams(query: string): string[] {
  const grams = new Set<string>();
  for (const run of normalise(query).split(SPLIT)) {
    const chars = [...run];
    if (chars.length === 1) grams.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  }
  return [...grams];
}

/**
 * Grams as stored and queried: prefixed with the tenant, so one GIN posting list holds one
 * county's cases and a 2-character term in a province-wide instance reads only that
 * county's matches (and the index stays shardable by tenant).
 */
export function tenantGrams(tenantId: string, grams: string[]): string[] {
  return grams.map((g) => `${tenantId}:${g}`);
}

/** True when the query's grams alone decide a match: one run of one or two characters. */
export function gramsAreExact(query: string): boolean {
  const runs = normalise(query).split(SPLIT).filter(Boolean);
  return runs.length === 1 && [...runs[0]!].length <= 2;
}

/**
 * The operator that confirms a term's substring: ILIKE when the term has a character with
 * a case (Latin, Greek, Cyrillic, full-width letters…), LIKE otherwise. For a term without
 * one the two match exactly the same rows (no character lowercases to a character without
 * a case), and LIKE is far cheaper: on a database whose collation is not C, ILIKE lowercases
 * every candidate's title and summary before comparing, a quarter of a 4-character search's
 * count at a million matters.
 */
export function substringOperator(term: string): 'like' | 'ilike' {
  const t = term.normalize('NFKC');
  return t.toLowerCase() === t && t.toUpperCase() === t ? 'like' : 'ilike';
}
