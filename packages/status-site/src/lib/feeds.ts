// RSS 2.0 and Atom 1.0 feeds of incidents and maintenance, newest change first.
import { incidentStatusLabel, maintenanceStatusLabel } from "./labels.js";
import type { Incident, Maintenance, Snapshot } from "./types.js";

function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
      // XML 1.0 cannot carry these characters at all, even escaped.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
  );
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

interface FeedItem {
  id: string;
  title: string;
  link: string;
  published: Date;
  updated: Date;
  /** HTML: the public updates, newest first. */
  html: string;
  text: string;
}

function updatesHtml(updates: { label: string; at: string; message: string }[]): string {
  return updates
    .map((u) => `<p><strong>${escapeHtml(u.label)}</strong> (${escapeHtml(u.at)}): ${escapeHtml(u.message)}</p>`)
    .join("");
}

function incidentItem(i: Incident, siteUrl: string): FeedItem {
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
  };
}

function maintenanceItem(m: Maintenance, siteUrl: string): FeedItem {
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
  };
}

function items(snapshot: Snapshot, siteUrl: string): FeedItem[] {
  const incidents = new Map<string, Incident>();
  for (const i of [...snapshot.statusPage.activeIncidents, ...snapshot.recentIncidents]) incidents.set(i.id, i);
  const maintenances = new Map<string, Maintenance>();
  for (const m of [...snapshot.statusPage.scheduledMaintenances, ...snapshot.recentMaintenances])
    maintenances.set(m.id, m);
  return [
    ...[...incidents.values()].map((i) => incidentItem(i, siteUrl)),
    ...[...maintenances.values()].map((m) => maintenanceItem(m, siteUrl)),
  ]
    .sort((a, b) => b.updated.getTime() - a.updated.getTime())
    .slice(0, 50);
}

function lastChange(snapshot: Snapshot): Date {
  return new Date(snapshot.statusPage.updatedAt);
}

export function rssFeed(snapshot: Snapshot, siteUrl: string): string {
  const name = snapshot.statusPage.name;
  const entries = items(snapshot, siteUrl)
    .map(
      (item) => `    <item>
      <title>${escapeXml(item.title)}</title>
      <link>${escapeXml(item.link)}</link>
      <guid isPermaLink="false">${escapeXml(item.id)}</guid>
      <pubDate>${item.updated.toUTCString()}</pubDate>
      <description>${escapeXml(item.html)}</description>
    </item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(`${name} status: incident and maintenance history`)}</title>
    <link>${escapeXml(siteUrl)}/</link>
    <atom:link href="${escapeXml(siteUrl)}/history.rss" rel="self" type="application/rss+xml"/>
    <description>${escapeXml(`Incidents and scheduled maintenance of ${name}`)}</description>
    <language>en</language>
    <lastBuildDate>${lastChange(snapshot).toUTCString()}</lastBuildDate>
${entries}
  </channel>
</rss>
`;
}

export function atomFeed(snapshot: Snapshot, siteUrl: string): string {
  const name = snapshot.statusPage.name;
  const entries = items(snapshot, siteUrl)
    .map(
      (item) => `  <entry>
    <id>${escapeXml(item.id)}</id>
    <title>${escapeXml(item.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(item.link)}"/>
    <published>${item.published.toISOString()}</published>
    <updated>${item.updated.toISOString()}</updated>
    <summary>${escapeXml(item.text)}</summary>
    <content type="html">${escapeXml(item.html)}</content>
  </entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>${escapeXml(siteUrl)}/</id>
  <title>${escapeXml(`${name} status: incident and maintenance history`)}</title>
  <updated>${lastChange(snapshot).toISOString()}</updated>
  <author><name>${escapeXml(name)}</name></author>
  <link rel="alternate" type="text/html" href="${escapeXml(siteUrl)}/"/>
  <link rel="self" type="application/atom+xml" href="${escapeXml(siteUrl)}/history.atom"/>
${entries}
</feed>
`;
}
