import { localClockTime } from "@liaison/domain";
import type { EventContent } from "./event-content.js";

/** Words of an enum value: PARTIAL_OUTAGE → "Partial outage". */
function words(value: string): string {
  const lower = value.toLowerCase().replaceAll("_", " ");
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** "Monday, 30 November 2026" in `zone`. */
function day(d: Date, zone: string): string {
  let format = dayFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
    });
    dayFormats.set(zone, format);
  }
  return format.format(d);
}

/** "10:16 EST": the time of day with the zone's short name (daylight saving time told apart). */
const time = (d: Date, zone: string) => localClockTime(d, zone);
/** "10:16", for a start whose end carries the zone's name. */
const bareTime = (d: Date, zone: string) => time(d, zone).split(" ")[0]!;
const zoneName = (d: Date, zone: string) => time(d, zone).split(" ").slice(1).join(" ");

/** "Monday, 30 November 2026, 01:00 UTC". */
const when = (d: Date, zone: string) => `${day(d, zone)}, ${time(d, zone)}`;

/** "on Monday, 30 November 2026 at 01:00 UTC". */
const dayAndTime = (d: Date, zone: string) => `on ${day(d, zone)} at ${time(d, zone)}`;

/** The end after a start already told: its day only when it differs. */
const endWords = (start: Date, end: Date, zone: string) =>
  day(start, zone) === day(end, zone) ? `at ${time(end, zone)}` : dayAndTime(end, zone);

/** 90 minutes → "1 hour 30 minutes"; 26 hours → "1 day 2 hours". */
export function durationInWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const parts: [number, string][] = [
    [Math.floor(minutes / 1440), "day"],
    [Math.floor((minutes % 1440) / 60), "hour"],
    [minutes % 60, "minute"],
  ];
  const said = parts.filter(([n]) => n > 0).map(([n, unit]) => `${n} ${unit}${n === 1 ? "" : "s"}`);
  return said.length ? said.join(" ") : "less than a minute";
}

/**
 * A maintenance window as a reader plans around it, in the organization's time zone: "Monday, 30 November
 * 2026, 01:00–02:00 UTC (1 hour)", or with both days (or both zone names, across a change of daylight
 * saving time) when it spans them.
 */
export function windowInWords(from: Date, until: Date, zone = "UTC"): string {
  const length = durationInWords(until.getTime() - from.getTime());
  return day(from, zone) === day(until, zone) && zoneName(from, zone) === zoneName(until, zone)
    ? `${day(from, zone)}, ${bareTime(from, zone)}–${time(until, zone)} (${length})`
    : `${day(from, zone)}, ${time(from, zone)} – ${day(until, zone)}, ${time(until, zone)} (${length})`;
}

export interface Links {
  site: string;
  unsubscribe: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The body of one message: a heading, lines of facts, paragraphs, a link to read more. */
interface Body {
  subject: string;
  heading: string;
  status: string;
  facts: [string, string][];
  paragraphs: string[];
  link: { href: string; label: string };
}

function compose(pageName: string, body: Body, footer: { text: string; unsubscribe: string | null }): RenderedMail {
  const text = [
    body.heading,
    body.status,
    "",
    ...body.paragraphs.flatMap((p) => [p, ""]),
    ...body.facts.map(([k, v]) => `${k}: ${v}`),
    "",
    `${body.link.label}: ${body.link.href}`,
    "",
    "--",
    footer.text,
    ...(footer.unsubscribe ? [`Unsubscribe: ${footer.unsubscribe}`] : []),
    "",
  ].join("\n");
  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(body.subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif;color:#172b4d">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;padding:24px 0"><tr><td align="center">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:6px;padding:24px">
<tr><td style="font-size:13px;color:#6b778c;padding-bottom:12px">${e(pageName)}</td></tr>
<tr><td><h1 style="font-size:20px;margin:0 0 4px">${e(body.heading)}</h1>
<p style="margin:0 0 16px;font-weight:600">${e(body.status)}</p>
${body.paragraphs.map((p) => `<p style="margin:0 0 12px;white-space:pre-line">${e(p)}</p>`).join("\n")}
${
  body.facts.length
    ? `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 16px;font-size:14px">${body.facts
        .map(
          ([k, v]) =>
            `<tr><td style="color:#6b778c;padding:2px 12px 2px 0;vertical-align:top">${e(k)}</td><td style="padding:2px 0">${e(v)}</td></tr>`,
        )
        .join("")}</table>`
    : ""
}
<p style="margin:16px 0"><a href="${e(body.link.href)}" style="background:#0052cc;color:#ffffff;padding:8px 14px;border-radius:4px;text-decoration:none">${e(body.link.label)}</a></p>
</td></tr>
<tr><td style="border-top:1px solid #dfe1e6;padding-top:12px;font-size:12px;color:#6b778c">${e(footer.text)}${
    footer.unsubscribe ? ` <a href="${e(footer.unsubscribe)}" style="color:#6b778c">Unsubscribe</a>` : ""
  }</td></tr>
</table></td></tr></table>
</body></html>
`;
  return { subject: body.subject, text, html };
}

function bodyOf(content: EventContent, site: string): Body {
  const prefix = `[${content.page.name}]`;
  // Subscribers are anonymous: times are written in the organization's time zone, with its name.
  const zone = content.page.timezone;
  switch (content.kind) {
    case "INCIDENT_PUBLISHED":
    case "INCIDENT_UPDATE": {
      const { incident, update } = content;
      const affected = content.components.map((c) => `${c.name} (${words(c.status)})`).join(", ");
      const subject =
        content.kind === "INCIDENT_PUBLISHED"
          ? `${prefix} New incident: ${incident.name}`
          : `${prefix} ${words(update.status)}: ${incident.name}`;
      return {
        subject,
        heading: incident.name,
        status: words(update.status),
        paragraphs: [update.message],
        facts: [
          ...(affected ? ([["Affected components", affected]] as [string, string][]) : []),
          ["Posted", when(update.createdAt, zone)],
        ],
        link: { href: `${site}/incidents/${incident.id}`, label: "View the incident" },
      };
    }
    case "COMPONENT_STATUS":
      return {
        subject: `${prefix} ${content.component.name}: ${words(content.status)}`,
        heading: content.component.name,
        status: `${words(content.previousStatus)} → ${words(content.status)}`,
        paragraphs: [`${content.component.name} is now ${words(content.status).toLowerCase()}.`],
        facts: [["Changed", when(content.changedAt, zone)]],
        link: { href: site, label: "View the status page" },
      };
    default: {
      const m = content.maintenance;
      const what = {
        MAINTENANCE_CREATED: "Scheduled maintenance",
        MAINTENANCE_REMINDER: "Maintenance starting soon",
        MAINTENANCE_STARTED: "Maintenance in progress",
        MAINTENANCE_COMPLETED: "Maintenance completed",
        MAINTENANCE_CANCELLED: "Maintenance cancelled",
      }[content.kind];
      const window = windowInWords(m.scheduledFor, m.scheduledUntil, zone);
      const affected = content.components.map((c) => c.name).join(", ");
      const on = affected ? ` on ${affected}` : "";
      const lead = {
        MAINTENANCE_CREATED: `Maintenance${on} is scheduled for ${window}.`,
        MAINTENANCE_REMINDER: `Maintenance${on} starts ${dayAndTime(m.scheduledFor, zone)} and is expected to end ${endWords(m.scheduledFor, m.scheduledUntil, zone)}.`,
        MAINTENANCE_STARTED: `Maintenance${on} began ${dayAndTime(m.startedAt ?? m.scheduledFor, zone)} and is expected to end ${endWords(m.startedAt ?? m.scheduledFor, m.scheduledUntil, zone)}.`,
        MAINTENANCE_COMPLETED: `Maintenance${on} was completed ${dayAndTime(m.completedAt ?? m.scheduledUntil, zone)}.`,
        MAINTENANCE_CANCELLED: `Maintenance${on} scheduled for ${window} has been cancelled: it will not take place.`,
      }[content.kind];
      const latest = content.updates[0]?.message ?? m.description;
      const stamps: [string, string][] = [];
      if (m.startedAt) stamps.push(["Started", when(m.startedAt, zone)]);
      if (m.completedAt) stamps.push(["Completed", when(m.completedAt, zone)]);
      if (m.cancelledAt) stamps.push(["Cancelled", when(m.cancelledAt, zone)]);
      return {
        subject: `${prefix} ${what}: ${m.name}`,
        heading: m.name,
        status: what,
        paragraphs: [lead, ...(latest ? [latest] : [])],
        facts: [
          ["Scheduled", window],
          ...stamps,
          ...(affected ? ([["Affected components", affected]] as [string, string][]) : []),
        ],
        link: { href: `${site}/maintenance/${m.id}`, label: "View the maintenance" },
      };
    }
  }
}

/** A message about an event, to one subscriber. */
export function renderEventMail(content: EventContent, links: Links, scope: string): RenderedMail {
  return compose(content.page.name, bodyOf(content, links.site), {
    text: `You receive this because you subscribed to ${scope} on ${content.page.name}'s status page.`,
    unsubscribe: links.unsubscribe,
  });
}

/** The double opt-in mail: nothing else reaches the address until its link is followed. */
export function renderConfirmationMail(pageName: string, confirmUrl: string, links: Links): RenderedMail {
  return compose(
    pageName,
    {
      subject: `[${pageName}] Confirm your subscription`,
      heading: "Confirm your subscription",
      status: `Updates from ${pageName}'s status page`,
      paragraphs: [
        "Someone (hopefully you) asked for this address to receive updates about incidents and scheduled maintenance.",
        "Follow the link below to confirm. If it was not you, ignore this mail: nothing more will be sent.",
      ],
      facts: [],
      link: { href: confirmUrl, label: "Confirm subscription" },
    },
    { text: `${pageName} status page: ${links.site}`, unsubscribe: null },
  );
}
