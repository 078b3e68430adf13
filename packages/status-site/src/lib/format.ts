// Server-side formatting: times in the page's time zone, with the zone named; the browser re-formats
// them in the reader's own time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "short",
      day: "numeric",
      ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

export function formatDateTime(iso: string, timeZone: string): string {
  return formatter(timeZone, true).format(new Date(iso));
}

export function formatDay(date: string): string {
  return formatter("UTC", false).format(new Date(`${date}T12:00:00Z`));
}

export function formatPercent(share: number): string {
  const pct = share * 100;
  if (pct >= 100) return "100%";
  // Never round a bad day up to a perfect one.
  return `${(Math.floor(pct * 100) / 100).toFixed(2)}%`;
}

export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return "under a minute";
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}
