/** Half-open [start, end) in epoch milliseconds; end may be Infinity. */
export type MsInterval = { start: number; end: number };

/** Intervals sorted by start → sorted and disjoint: intervals that overlap or touch are joined. */
export function mergeIntervals(sorted: readonly MsInterval[]): MsInterval[] {
  const merged: MsInterval[] = [];
  for (const next of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else merged.push({ ...next });
  }
  return merged;
}
