// Compare loosely: `production_url`, `Production-URL` and `productionUrl` are the same key to a human.
const normalise = (s: string): string => s.toLowerCase().replace(/[-_\s]/g, '');

/** Edit distance with transpositions (optimal string alignment): `prodcutId` is one edit from `productId`. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j += 1) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = best;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * The known key closest to an unknown one, if it is close enough to be a likely typo
 * (at most a third of its letters differ).
 * @example
 *   closestKey('productonUrl', ['name', 'productionUrl']); // 'productionUrl'
 *   closestKey('colour', ['name', 'productionUrl']);       // undefined
 */
export function closestKey(unknown: string, known: readonly string[]): string | undefined {
  const target = normalise(unknown);
  let best: { key: string; distance: number } | undefined;
  for (const key of known) {
    const distance = editDistance(target, normalise(key));
    if (best === undefined || distance < best.distance) best = { key, distance };
  }
  if (best === undefined) return undefined;
  return best.distance <= Math.max(1, Math.floor(target.length / 3)) ? best.key : undefined;
}
