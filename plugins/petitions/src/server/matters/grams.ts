// Character bigrams of a petition's content, for "same issue" detection (重复信访): two
// contents that share many bigrams are likely about the same matter. Punctuation, spaces
// and digits-only noise are dropped; Latin letters are lower-cased (NFKC first).
const MAX_GRAMS = 400;

/** Two contents share at least this share of bigrams: the same issue (重复信访). */
export const SAME_ISSUE_OVERLAP = 0.5;

export function issueGrams(text: string): string[] {
  const chars = Array.from((text ?? '').normalize('NFKC').toLowerCase()).filter((c) => /[\p{L}\p{N}]/u.test(c));
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length && grams.size < MAX_GRAMS; i += 1) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

/** Share of the smaller set's bigrams found in the other set (0–1). */
export function gramOverlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  let common = 0;
  for (const g of b) if (set.has(g)) common += 1;
  return common / Math.min(a.length, b.length);
}
