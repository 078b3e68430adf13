/**
 * When to warn the assignee that a ticket approaches its SLA: `leadMinutes` before `dueAt`
 * (e.g. [30, 10]), earliest first, without duplicates. Warnings already in the past are
 * dropped; one falling exactly on `now` is kept so a job running at that instant sends it.
 */
export function warningTimes(dueAt: Date, leadMinutes: readonly number[], now: Date): Date[] {
  const instants = new Set<number>();
  for (const lead of leadMinutes) {
    if (!Number.isFinite(lead)) throw new RangeError(`lead minutes must be finite, got ${lead}`);
    const at = dueAt.getTime() - Math.round(lead * 60_000);
    if (at >= now.getTime()) instants.add(at);
  }
  return [...instants].sort((a, b) => a - b).map((ms) => new Date(ms));
}
