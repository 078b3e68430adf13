// The shapes the site reads from the API (anonymous: public data only).
export type ComponentStatus =
  "OPERATIONAL" | "DEGRADED_PERFORMANCE" | "PARTIAL_OUTAGE" | "MAJOR_OUTAGE" | "UNDER_MAINTENANCE";
export type Indicator = "NONE" | "MINOR" | "MAJOR" | "CRITICAL" | "MAINTENANCE";
export type IncidentStatus = "INVESTIGATING" | "IDENTIFIED" | "MONITORING" | "RESOLVED";
export type Impact = "NONE" | "MINOR" | "MAJOR" | "CRITICAL";
export type MaintenanceStatus = "SCHEDULED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED";

export interface UptimeDay {
  date: string;
  uptime: number | null;
  countedMs: number;
  downtimeMs: number;
  majorOutageMs: number;
  partialOutageMs: number;
  degradedMs: number;
  maintenanceMs: number;
  worstStatus: ComponentStatus | null;
}

export interface Component {
  id: string;
  name: string;
  description: string | null;
  group: string | null;
  position: number;
  status: ComponentStatus;
  createdAt: string;
  updatedAt: string;
  uptime: UptimeDay[];
}

export interface ComponentRef {
  id: string;
  name: string;
}

interface IncidentUpdate {
  id: string;
  status: IncidentStatus;
  message: string;
  createdAt: string;
  /** When the message was last corrected. */
  editedAt: string | null;
  componentStatuses: { componentId: string; status: ComponentStatus }[];
}

interface IncidentReport {
  id: string;
  kind: "PRELIMINARY" | "POST_INCIDENT";
  summary: string;
  rootCause: string | null;
  actionItems: string[];
  publishedAt: string;
  revisedAt: string | null;
}

export interface Incident {
  id: string;
  number: number;
  title: string;
  status: IncidentStatus;
  impact: Impact;
  reportedAt: string;
  resolvedAt: string | null;
  createdAt: string;
  updatedAt: string;
  components: ComponentRef[];
  /** Newest first, public only. */
  updates: IncidentUpdate[];
  reports: IncidentReport[];
}

interface MaintenanceUpdate {
  id: string;
  status: MaintenanceStatus;
  message: string;
  createdAt: string;
}

export interface Maintenance {
  id: string;
  title: string;
  description: string | null;
  status: MaintenanceStatus;
  scheduledFor: string;
  scheduledUntil: string;
  startedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
  components: ComponentRef[];
  /** Newest first. */
  updates: MaintenanceUpdate[];
}

export interface StatusPage {
  id: string;
  name: string;
  timeZone: string;
  indicator: Indicator;
  description: string;
  updatedAt: string;
  components: Component[];
  activeIncidents: Incident[];
  scheduledMaintenances: Maintenance[];
}

/** Everything the home page, feeds and JSON API need: fetched in one request per change. */
export interface Snapshot {
  statusPage: StatusPage;
  recentIncidents: Incident[];
  recentMaintenances: Maintenance[];
}
