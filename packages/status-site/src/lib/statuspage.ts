// Statuspage's public API v2 (the JSON at /api/v2/*.json), built from the site's snapshot.
import { createHash } from "node:crypto";
import type {
  Component,
  ComponentRef,
  ComponentStatus,
  Incident,
  Maintenance,
  MaintenanceStatus,
  Snapshot,
} from "./types.js";

type Lower<T extends string> = Lowercase<T>;

export interface SpPage {
  id: string;
  name: string;
  url: string;
  time_zone: string;
  updated_at: string;
}

export interface SpComponent {
  id: string;
  name: string;
  status: Lower<ComponentStatus>;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  components?: string[];
}

interface SpAffectedComponent {
  code: string;
  name: string;
  old_status: string;
  new_status: string;
}

interface SpIncidentUpdate {
  id: string;
  status: string;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: SpAffectedComponent[] | null;
  deliver_notifications: boolean;
  custom_tweet: string | null;
  tweet_id: string | null;
}

export interface SpIncident {
  id: string;
  name: string;
  status: string;
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  impact: string;
  shortlink: string;
  started_at: string;
  page_id: string;
  incident_updates: SpIncidentUpdate[];
  components: SpComponent[];
}

export interface SpScheduledMaintenance extends Omit<SpIncident, "started_at"> {
  /** null until the window really starts (and for one cancelled before it did). */
  started_at: string | null;
  scheduled_for: string;
  scheduled_until: string;
}

const lower = <T extends string>(v: T) => v.toLowerCase() as Lower<T>;
const iso = (v: string) => new Date(v).toISOString();
/** The latest of some instants (ISO strings), as ISO. */
const latest = (...times: (string | null | undefined)[]) =>
  new Date(Math.max(...times.filter((t): t is string => !!t).map((t) => Date.parse(t)))).toISOString();

/**
 * Statuspage's incident status: `postmortem` once its post-incident report is out. Like Statuspage, the
 * report is not an incident update: the timeline and `resolved_at` stay as they were.
 */
function incidentStatus(i: Pick<Incident, "status" | "reports">): string {
  return i.status === "RESOLVED" && i.reports.some((r) => r.kind === "POST_INCIDENT") ? "postmortem" : lower(i.status);
}

/** Groups are components too in Statuspage: give each a stable id derived from its name. */
export function groupId(pageId: string, name: string): string {
  const h = createHash("sha1").update(`${pageId}:group:${name}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const SEVERITY: Record<ComponentStatus, number> = {
  OPERATIONAL: 0,
  UNDER_MAINTENANCE: 1,
  DEGRADED_PERFORMANCE: 2,
  PARTIAL_OUTAGE: 3,
  MAJOR_OUTAGE: 4,
};

export function worst(statuses: ComponentStatus[]): ComponentStatus {
  return statuses.reduce<ComponentStatus>((w, s) => (SEVERITY[s] > SEVERITY[w] ? s : w), "OPERATIONAL");
}

export class StatuspageDocument {
  readonly page: SpPage;
  private readonly componentsById = new Map<string, SpComponent>();
  readonly components: SpComponent[];

  constructor(
    private readonly snapshot: Snapshot,
    private readonly siteUrl: string,
  ) {
    const sp = snapshot.statusPage;
    this.page = { id: sp.id, name: sp.name, url: siteUrl, time_zone: sp.timeZone, updated_at: iso(sp.updatedAt) };
    this.components = this.buildComponents(sp.components);
  }

  private buildComponents(list: Component[]): SpComponent[] {
    const pageId = this.page.id;
    const out: SpComponent[] = [];
    const groups = new Map<string, Component[]>();
    for (const c of list) if (c.group) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
    const seenGroups = new Set<string>();
    let position = 0;
    const leaf = (c: Component): SpComponent => ({
      id: c.id,
      name: c.name,
      status: lower(c.status),
      created_at: iso(c.createdAt),
      updated_at: iso(c.updatedAt),
      position: ++position,
      description: c.description,
      showcase: true,
      start_date: c.createdAt.slice(0, 10),
      group_id: c.group ? groupId(pageId, c.group) : null,
      page_id: pageId,
      group: false,
      only_show_if_degraded: false,
    });
    // Statuspage lists a group where its first member would stand, then its members.
    for (const c of list) {
      if (!c.group) {
        out.push(leaf(c));
        continue;
      }
      if (seenGroups.has(c.group)) continue;
      seenGroups.add(c.group);
      const members = groups.get(c.group)!;
      const times = (k: "createdAt" | "updatedAt") => members.map((m) => Date.parse(m[k]));
      out.push({
        id: groupId(pageId, c.group),
        name: c.group,
        status: lower(worst(members.map((m) => m.status))),
        created_at: new Date(Math.min(...times("createdAt"))).toISOString(),
        updated_at: new Date(Math.max(...times("updatedAt"))).toISOString(),
        position: ++position,
        description: null,
        showcase: false,
        start_date: null,
        group_id: null,
        page_id: pageId,
        group: true,
        only_show_if_degraded: false,
        components: members.map((m) => m.id),
      });
      for (const m of members) out.push(leaf(m));
    }
    for (const c of out) this.componentsById.set(c.id, c);
    return out;
  }

  private refs(list: ComponentRef[]): SpComponent[] {
    return list.map((r) => this.componentsById.get(r.id)).filter((c): c is SpComponent => c !== undefined);
  }

  private nameOf(id: string, fallback: ComponentRef[]): string {
    return this.componentsById.get(id)?.name ?? fallback.find((c) => c.id === id)?.name ?? id;
  }

  incident(i: Incident): SpIncident {
    // Replay the updates oldest first to tell each one's old component status.
    const known = new Map<string, string>();
    const oldestFirst = [...i.updates].reverse();
    const updates = oldestFirst.map((u): SpIncidentUpdate => {
      const affected = u.componentStatuses.map((cs) => {
        const old = known.get(cs.componentId) ?? "operational";
        known.set(cs.componentId, lower(cs.status));
        return {
          code: cs.componentId,
          name: this.nameOf(cs.componentId, i.components),
          old_status: old,
          new_status: lower(cs.status),
        };
      });
      return {
        id: u.id,
        status: lower(u.status),
        body: u.message,
        incident_id: i.id,
        created_at: iso(u.createdAt),
        updated_at: iso(u.editedAt ?? u.createdAt),
        display_at: iso(u.createdAt),
        affected_components: affected.length ? affected : null,
        deliver_notifications: true,
        custom_tweet: null,
        tweet_id: null,
      };
    });
    const monitoring = oldestFirst.find((u) => u.status === "MONITORING");
    // Created when reported: a back-dated incident is never created after it was resolved or updated.
    const created = iso(i.reportedAt);
    const updated = latest(
      created,
      i.updatedAt,
      i.resolvedAt,
      ...i.updates.flatMap((u) => [u.createdAt, u.editedAt]),
      ...i.reports.flatMap((r) => [r.publishedAt, r.revisedAt]),
    );
    return {
      id: i.id,
      name: i.title,
      status: incidentStatus(i),
      created_at: created,
      updated_at: updated,
      monitoring_at: monitoring ? iso(monitoring.createdAt) : null,
      resolved_at: i.resolvedAt ? iso(i.resolvedAt) : null,
      impact: lower(i.impact),
      shortlink: `${this.siteUrl}/incidents/${i.id}`,
      started_at: iso(i.reportedAt),
      page_id: this.page.id,
      incident_updates: updates.reverse(),
      components: this.refs(i.components),
    };
  }

  maintenance(m: Maintenance): SpScheduledMaintenance {
    const status = maintenanceStatus(m.status);
    const updates = m.updates.map((u): SpIncidentUpdate => {
      const next = u.status === "IN_PROGRESS" ? "under_maintenance" : "operational";
      const old = u.status === "IN_PROGRESS" ? "operational" : "under_maintenance";
      const moves = u.status === "IN_PROGRESS" || u.status === "COMPLETED";
      return {
        id: u.id,
        status: maintenanceStatus(u.status),
        body: u.message,
        incident_id: m.id,
        created_at: iso(u.createdAt),
        updated_at: iso(u.createdAt),
        display_at: iso(u.createdAt),
        affected_components: moves
          ? m.components.map((c) => ({ code: c.id, name: c.name, old_status: old, new_status: next }))
          : null,
        deliver_notifications: true,
        custom_tweet: null,
        tweet_id: null,
      };
    });
    return {
      id: m.id,
      name: m.title,
      status,
      created_at: iso(m.createdAt),
      updated_at: iso(m.updatedAt),
      monitoring_at: null,
      resolved_at: m.completedAt ? iso(m.completedAt) : m.cancelledAt ? iso(m.cancelledAt) : null,
      impact: "maintenance",
      shortlink: `${this.siteUrl}/maintenance/${m.id}`,
      started_at: startedAt(m),
      page_id: this.page.id,
      incident_updates: updates,
      components: this.refs(m.components),
      scheduled_for: iso(m.scheduledFor),
      scheduled_until: iso(m.scheduledUntil),
    };
  }

  status() {
    const sp = this.snapshot.statusPage;
    return { indicator: lower(sp.indicator), description: sp.description };
  }

  private recentIncidents(): Incident[] {
    const seen = new Set<string>();
    return [...this.snapshot.statusPage.activeIncidents, ...this.snapshot.recentIncidents]
      .filter((i) => (seen.has(i.id) ? false : (seen.add(i.id), true)))
      .sort((a, b) => Date.parse(b.reportedAt) - Date.parse(a.reportedAt))
      .slice(0, 50);
  }

  private recentMaintenances(): Maintenance[] {
    const seen = new Set<string>();
    return [...this.snapshot.statusPage.scheduledMaintenances, ...this.snapshot.recentMaintenances]
      .filter((m) => (seen.has(m.id) ? false : (seen.add(m.id), true)))
      .sort((a, b) => Date.parse(b.scheduledFor) - Date.parse(a.scheduledFor))
      .slice(0, 50);
  }

  private upcoming(): Maintenance[] {
    return this.snapshot.statusPage.scheduledMaintenances.filter((m) => m.status === "SCHEDULED");
  }

  private active(): Maintenance[] {
    return this.snapshot.statusPage.scheduledMaintenances.filter((m) => m.status === "IN_PROGRESS");
  }

  /** Every endpoint of the contract, by path. */
  endpoints(): Record<string, unknown> {
    const page = this.page;
    const unresolved = this.snapshot.statusPage.activeIncidents.map((i) => this.incident(i));
    return {
      "/api/v2/status.json": { page, status: this.status() },
      "/api/v2/summary.json": {
        page,
        components: this.components,
        incidents: unresolved,
        scheduled_maintenances: [...this.active(), ...this.upcoming()].map((m) => this.maintenance(m)),
        status: this.status(),
      },
      "/api/v2/components.json": { page, components: this.components },
      "/api/v2/incidents.json": { page, incidents: this.recentIncidents().map((i) => this.incident(i)) },
      "/api/v2/incidents/unresolved.json": { page, incidents: unresolved },
      "/api/v2/scheduled-maintenances.json": {
        page,
        scheduled_maintenances: this.recentMaintenances().map((m) => this.maintenance(m)),
      },
      "/api/v2/scheduled-maintenances/upcoming.json": {
        page,
        scheduled_maintenances: this.upcoming().map((m) => this.maintenance(m)),
      },
      "/api/v2/scheduled-maintenances/active.json": {
        page,
        scheduled_maintenances: this.active().map((m) => this.maintenance(m)),
      },
    };
  }
}

/** When the window really started: none while it is only scheduled, nor for one cancelled before it began. */
function startedAt(m: Maintenance): string | null {
  if (m.startedAt) return iso(m.startedAt);
  return m.status === "IN_PROGRESS" || m.status === "COMPLETED" ? iso(m.scheduledFor) : null;
}

/** Statuspage knows scheduled, in_progress, verifying and completed; a cancelled window reads as completed. */
export function maintenanceStatus(status: MaintenanceStatus): string {
  return status === "CANCELLED" ? "completed" : status.toLowerCase();
}
