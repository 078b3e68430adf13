// Live updates: listen to the API's change feed and swap in the page's fresh regions, re-rendered by the
// site. Without JavaScript the page is the same, just not live.
import { createClient } from "graphql-ws";

const body = document.body;
const wsUrl = body.dataset["apiWs"];
const live = body.dataset["live"];
const subjectId = body.dataset["subjectId"];

const timeFormat = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
});

/** Times in the reader's own time zone. */
function localizeTimes(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLTimeElement>("time[data-local]")) {
    const at = new Date(el.dateTime);
    if (Number.isNaN(at.getTime())) continue;
    el.textContent = timeFormat.format(at);
    el.title = at.toISOString();
  }
}

function announce(text: string): void {
  const region = document.getElementById("live-announcer");
  if (region) region.textContent = text;
}

function note(text: string | null): void {
  const el = document.getElementById("live-note");
  if (!el) return;
  el.hidden = text === null;
  el.textContent = text ?? "";
}

let inFlight: Promise<void> | null = null;
let wanted: string | null | undefined;

async function refresh(after: string | null): Promise<void> {
  const headers: Record<string, string> = { accept: "text/html" };
  if (after) headers["x-liaison-after"] = after;
  const res = await fetch(location.pathname, { headers, cache: "no-store" });
  if (!res.ok) return;
  const next = new DOMParser().parseFromString(await res.text(), "text/html");
  let changed = false;
  for (const region of document.querySelectorAll<HTMLElement>("[data-region]")) {
    const fresh = next.querySelector<HTMLElement>(`[data-region="${region.dataset["region"]}"]`);
    if (!fresh || fresh.innerHTML === region.innerHTML) continue;
    const focusedId = region.contains(document.activeElement) ? document.activeElement?.id : undefined;
    region.innerHTML = fresh.innerHTML;
    localizeTimes(region);
    if (region.dataset["region"] !== "freshness") {
      changed = true;
      region.classList.remove("updated");
      void region.offsetWidth;
      region.classList.add("updated");
    }
    if (focusedId) document.getElementById(focusedId)?.focus();
  }
  if (changed) announce("The status on this page has been updated.");
}

/** One refresh at a time; the latest request wins. */
function schedule(after: string | null): void {
  wanted = after;
  if (inFlight) return;
  inFlight = (async () => {
    while (wanted !== undefined) {
      const at = wanted;
      wanted = undefined;
      await refresh(at).catch(() => undefined);
    }
  })().finally(() => (inFlight = null));
}

localizeTimes(document);

if (wsUrl && live && "WebSocket" in window) {
  const query =
    live === "incident"
      ? "subscription($id: ID) { incidentUpdated(incidentId: $id) { updatedAt } }"
      : "subscription { statusPageChanged { updatedAt } }";
  let connectedBefore = false;
  const client = createClient({
    url: wsUrl,
    lazy: false,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((r) => setTimeout(r, Math.min(30_000, 1_000 * 2 ** Math.min(retries, 5)))),
    on: {
      connected: () => {
        body.dataset["liveState"] = "on";
        note(null);
        // Back after a break: catch up with whatever happened meanwhile.
        if (connectedBefore) schedule(null);
        connectedBefore = true;
      },
      closed: () => {
        if (body.dataset["liveState"] !== "on") return;
        body.dataset["liveState"] = "off";
        note("Live updates are paused while we reconnect; reload the page for the latest status.");
      },
    },
  });
  client.subscribe<Record<string, { updatedAt: string } | null>>(
    { query, variables: live === "incident" ? { id: subjectId } : {} },
    {
      next: (result) => {
        const changed = result.data ? Object.values(result.data)[0] : null;
        schedule(changed?.updatedAt ?? null);
      },
      error: () => note("Live updates are unavailable; reload the page for the latest status."),
      complete: () => {},
    },
  );
  addEventListener("pagehide", () => void client.dispose());
}
