import { formatDuration } from "./format-duration.js";
import { localClockTime } from "./local-clock-time.js";
import { localDayPhrase } from "./local-day-phrase.js";

/**
 * When something is (or was) due, for a reader in `timezone`, in the right tense:
 * "is due at 10:16 EST, in 2 minutes", "was due at 10:16 EST, 3 minutes ago",
 * "is due tomorrow at 23:59 EST, in 14 hours". Follows "The impact assessment …".
 */
export function describeDue(dueAt: Date, now: Date, timezone: string): string {
  const day = localDayPhrase(dueAt, now, timezone);
  const when = `${day ? `${day} ` : ""}at ${localClockTime(dueAt, timezone)}`;
  const span = formatDuration(dueAt.getTime() - now.getTime());
  return dueAt.getTime() >= now.getTime() ? `is due ${when}, in ${span}` : `was due ${when}, ${span} ago`;
}
