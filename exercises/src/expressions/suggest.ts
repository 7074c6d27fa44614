/**
 * "Did you mean out_h1?" for an unknown name: the declared name it is closest to (same letters in another case,
 * an underscore left out, a typo or two), or, as Numbas warns for `xy`, the product of declared names it is made of.
 */
export function suggestName(unknown: string, candidates: readonly string[]): string | undefined {
  const folded = (s: string) => s.toLowerCase().replaceAll('_', '');
  const exact = candidates.find((c) => folded(c) === folded(unknown));
  if (exact) return exact;
  const product = splitIntoNames(unknown, candidates);
  if (product && product.length > 1) return product.join('*');
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(folded(unknown), folded(candidate));
    if (distance <= Math.max(1, Math.floor(candidate.length / 3)) && (!best || distance < best.distance))
      best = { name: candidate, distance };
  }
  return best?.name;
}

/** Levenshtein distance (names are short: a plain table is enough). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** `xy` → ['x', 'y'] when x and y are declared (longest names first); undefined when it is not such a product. */
function splitIntoNames(text: string, names: readonly string[]): string[] | undefined {
  if (text === '') return [];
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    if (text.startsWith(name)) {
      const rest = splitIntoNames(text.slice(name.length), names);
      if (rest) return [name, ...rest];
    }
  }
  return undefined;
}
