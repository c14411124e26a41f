// `order_line_id`, `OrderLineId` and `orderLineId` are the same name to a human.
const normalise = (s: string): string => s.toLowerCase().replace(/[-_\s]/g, '');

/** Edit distance with transpositions (optimal string alignment): `newInstnace` is one edit from `newInstance`. */
function editDistance(a: string, b: string): number {
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (prev2[j - 2] ?? 0) + 1);
      row.push(best);
    }
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/**
 * The known name closest to an unknown one, when it is close enough to be a typo (at most a
 * third of its letters differ).
 * @example
 *   closestName('newInstanse', ['newInstance', 'queryInstance']); // 'newInstance'
 *   closestName('subscribe', ['newInstance']);                     // undefined
 */
export function closestName(unknown: string, known: readonly string[]): string | undefined {
  const target = normalise(unknown);
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(target, normalise(name));
    if (best === undefined || distance < best.distance) best = { name, distance };
  }
  if (best === undefined) return undefined;
  return best.distance <= Math.max(1, Math.floor(target.length / 3)) ? best.name : undefined;
}

/** `did you mean X?` when a close name exists, else the list of allowed names. */
export function suggestName(unknown: string, known: readonly string[], listLabel = 'allowed'): string {
  const guess = closestName(unknown, known);
  if (guess !== undefined) return `did you mean ${guess}?`;
  return `${listLabel}: ${known.join(', ')}`;
}
