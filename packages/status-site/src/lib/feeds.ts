// RSS 2.0, Atom 1.0 and JSON Feed of incidents and maintenance, newest change first: of the whole page
// (/history.*) or of one component (/components/<id>/history.*). Written by the `feed` library.
import { Feed, type Item } from "feed";
import { incidentStatusLabel, maintenanceStatusLabel } from "./labels.js";
import type { Incident, Maintenance, Snapshot } from "./types.js";

export type FeedFormat = "rss" | "atom" | "json";
export const FEED_FORMATS: readonly FeedFormat[] = ["rss", "atom", "json"];

export const FEED_CONTENT_TYPE: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

export function isFeedFormat(value: string | undefined): value is FeedFormat {
  return value === "rss" || value === "atom" || value === "json";
}

/** Where a component's feeds live, relative to the site. */
export function componentFeedPath(componentId: string, format: FeedFormat): string {
  return `/components/${encodeURIComponent(componentId)}/history.${format}`;
}

/** XML 1.0 cannot carry these characters at all, even escaped. */
function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Plain text the library writes inside CDATA (RSS titles): it splits only the first "]]>", so every
 * one is broken up here; the reader sees "]] >".
 */
function cdataSafe(text: string): string {
  return xmlSafe(text).replaceAll("]]>", "]] >");
}

interface Entry {
  id: string;
  title: string;
  link: string;
  published: Date;
  updated: Date;
  /** HTML: the public updates, newest first. */
  html: string;
  text: string;
  componentIds: string[];
}

function updatesHtml(updates: { label: string; at: string; message: string }[]): string {
  return updates
    .map((u) => `<p><strong>${escapeHtml(u.label)}</strong> (${escapeHtml(u.at)}): ${escapeHtml(u.message)}</p>`)
    .join("");
}

function incidentEntry(i: Incident, siteUrl: string): Entry {
  const updates = i.updates.map((u) => ({
    label: incidentStatusLabel(u.status),
    at: new Date(u.createdAt).toUTCString(),
    message: u.message,
  }));
  const affected = i.components.length ? `Affected: ${i.components.map((c) => c.name).join(", ")}.` : "";
  return {
    id: `urn:uuid:${i.id}`,
    title: `${i.title} (${incidentStatusLabel(i.status)})`,
    link: `${siteUrl}/incidents/${i.id}`,
    published: new Date(i.reportedAt),
    updated: new Date(i.updatedAt),
    html: updatesHtml(updates) + (affected ? `<p>${escapeHtml(affected)}</p>` : ""),
    text: [updates[0]?.message ?? "", affected].filter(Boolean).join(" "),
    componentIds: i.components.map((c) => c.id),
  };
}

function maintenanceEntry(m: Maintenance, siteUrl: string): Entry {
  const window = `Scheduled from ${new Date(m.scheduledFor).toUTCString()} to ${new Date(m.scheduledUntil).toUTCString()}.`;
  const updates = m.updates.map((u) => ({
    label: maintenanceStatusLabel(u.status),
    at: new Date(u.createdAt).toUTCString(),
    message: u.message,
  }));
  const affected = m.components.length ? `Affected: ${m.components.map((c) => c.name).join(", ")}.` : "";
  return {
    id: `urn:uuid:${m.id}`,
    title: `Maintenance: ${m.title} (${maintenanceStatusLabel(m.status)})`,
    link: `${siteUrl}/maintenance/${m.id}`,
    published: new Date(m.createdAt),
    updated: new Date(m.updatedAt),
    html: `<p>${escapeHtml(window)}</p>` + updatesHtml(updates) + (affected ? `<p>${escapeHtml(affected)}</p>` : ""),
    text: [window, updates[0]?.message ?? "", affected].filter(Boolean).join(" "),
    componentIds: m.components.map((c) => c.id),
  };
}

function entries(snapshot: Snapshot, siteUrl: string, componentId: string | null): Entry[] {
  const incidents = new Map<string, Incident>();
  for (const i of [...snapshot.statusPage.activeIncidents, ...snapshot.recentIncidents]) incidents.set(i.id, i);
  const maintenances = new Map<string, Maintenance>();
  for (const m of [...snapshot.statusPage.scheduledMaintenances, ...snapshot.recentMaintenances])
    maintenances.set(m.id, m);
  return [
    ...[...incidents.values()].map((i) => incidentEntry(i, siteUrl)),
    ...[...maintenances.values()].map((m) => maintenanceEntry(m, siteUrl)),
  ]
    .filter((e) => componentId === null || e.componentIds.includes(componentId))
    .sort((a, b) => b.updated.getTime() - a.updated.getTime())
    .slice(0, 50);
}

/** Each format reads the same entry its own way: RSS dates an item by its last change, Atom and JSON by both. */
function item(e: Entry, format: FeedFormat): Item {
  switch (format) {
    case "rss":
      return { id: e.id, title: cdataSafe(e.title), link: e.link, date: e.updated, description: xmlSafe(e.html) };
    case "atom":
      return {
        id: e.id,
        title: escapeHtml(xmlSafe(e.title)),
        link: e.link,
        date: e.updated,
        published: e.published,
        description: escapeHtml(xmlSafe(e.text)),
        content: xmlSafe(e.html),
      };
    case "json":
      return {
        id: e.id,
        title: e.title,
        link: e.link,
        date: e.updated,
        published: e.published,
        description: e.text,
        content: e.html,
      };
  }
}

function render(
  snapshot: Snapshot,
  siteUrl: string,
  format: FeedFormat,
  scope: { base: string; title: string; description: string; componentId: string | null; updated: Date },
): string {
  const name = snapshot.statusPage.name;
  const clean = format === "json" ? (t: string) => t : xmlSafe;
  const feed = new Feed({
    id: `${siteUrl}${scope.base}`,
    title: clean(scope.title),
    description: clean(scope.description),
    link: `${siteUrl}/`,
    language: "en",
    updated: scope.updated,
    generator: "Liaison status site",
    author: { name: clean(name) },
    feedLinks: {
      rss: `${siteUrl}${scope.base}.rss`,
      atom: `${siteUrl}${scope.base}.atom`,
      json: `${siteUrl}${scope.base}.json`,
    },
  });
  for (const e of entries(snapshot, siteUrl, scope.componentId)) feed.addItem(item(e, format));
  const text = format === "rss" ? feed.rss2() : format === "atom" ? feed.atom1() : feed.json1();
  return `${text}\n`;
}

/** The whole page's history. */
export function historyFeed(snapshot: Snapshot, siteUrl: string, format: FeedFormat): string {
  const name = snapshot.statusPage.name;
  return render(snapshot, siteUrl, format, {
    base: "/history",
    title: `${name} status: incident and maintenance history`,
    description: `Incidents and scheduled maintenance of ${name}`,
    componentId: null,
    updated: new Date(snapshot.statusPage.updatedAt),
  });
}

/** One component's history; null when the page has no such component. */
export function componentFeed(
  snapshot: Snapshot,
  siteUrl: string,
  componentId: string,
  format: FeedFormat,
): string | null {
  const component = snapshot.statusPage.components.find((c) => c.id === componentId);
  if (!component) return null;
  const name = snapshot.statusPage.name;
  const label = component.group ? `${component.group}: ${component.name}` : component.name;
  const mine = entries(snapshot, siteUrl, componentId);
  const updated = new Date(Math.max(Date.parse(component.updatedAt), ...mine.map((e) => e.updated.getTime())));
  return render(snapshot, siteUrl, format, {
    base: `/components/${encodeURIComponent(componentId)}/history`,
    title: `${name} status: ${label}`,
    description: `Incidents and scheduled maintenance affecting ${label} (${name})`,
    componentId,
    updated,
  });
}
