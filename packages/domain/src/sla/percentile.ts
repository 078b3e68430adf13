/**
 * "NEAREST_RANK": the smallest observed value with at least p% of the data at or below it.
 * "LINEAR": linear interpolation between closest ranks (Hyndman–Fan type 7), as in
 * spreadsheets' PERCENTILE.INC and numpy's default, so the median of [1, 2, 3, 4] is 2.5.
 */
export type SlaPercentileMethod = "NEAREST_RANK" | "LINEAR";

/** The p-th percentile (0–100) of `values`, or null when there are none. */
export function percentile(values: readonly number[], p: number, method: SlaPercentileMethod): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (method === "NEAREST_RANK") return at(sorted, Math.max(1, Math.ceil((p / 100) * n)) - 1);
  const h = ((n - 1) * p) / 100;
  const lower = Math.floor(h);
  const low = at(sorted, lower);
  return lower + 1 < n ? low + (h - lower) * (at(sorted, lower + 1) - low) : low;
}

function at(sorted: readonly number[], index: number): number {
  const value = sorted[index];
  if (value === undefined) throw new Error(`percentile rank ${index} outside 0..${sorted.length - 1}`);
  return value;
}
