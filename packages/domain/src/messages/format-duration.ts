const MINUTE = 60_000;

const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/**
 * A span of time in words, to the minute under an hour, to the hour beyond a day:
 * "under a minute", "1 minute", "1 hour 5 minutes", "2 days 3 hours". The sign is ignored.
 */
export function formatDuration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / MINUTE);
  if (minutes < 1) return "under a minute";
  if (minutes < 60) return count(minutes, "minute");
  if (minutes < 24 * 60) {
    const rest = minutes % 60;
    return rest ? `${count(Math.floor(minutes / 60), "hour")} ${count(rest, "minute")}` : count(minutes / 60, "hour");
  }
  const hours = Math.round(minutes / 60);
  const rest = hours % 24;
  return rest ? `${count(Math.floor(hours / 24), "day")} ${count(rest, "hour")}` : count(hours / 24, "day");
}
