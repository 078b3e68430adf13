import { randomBytes } from "node:crypto";
import type { TestApi } from "./harness.js";

const unique = () => randomBytes(4).toString("hex");

const INCIDENT_FIELDS = `
  id number title status severity impact isMajor reportedAt resolvedAt
  components { id name status }
  commander { id name } liaison { id name }
  conferenceBridge { url dialIn }
  customersAffected
  updates { id sequence status message visibility }
  reports { id kind summary }
  cadence { impactAssessmentDueAt impactAssessedAt nextUpdateDueAt preliminaryReportDueAt postIncidentReportDueAt overdue }
`;

export async function aUser(api: TestApi, role: string, extra: Record<string, unknown> = {}) {
  const { createUser } = await api.must(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id name email role } token } }`,
    { input: { name: `${role} ${unique()}`, email: `${role.toLowerCase()}-${unique()}@example.com`, role, ...extra } },
  );
  return createUser as { user: { id: string; name: string; role: string }; token: string };
}

export async function aComponent(api: TestApi, name = `Component ${unique()}`, group: string | null = null) {
  const { createComponent } = await api.must(
    `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id name status group } }`,
    { input: { name, group } },
  );
  return createComponent as { id: string; name: string; status: string };
}

export async function anIncident(api: TestApi, input: Record<string, unknown> = {}, token?: string) {
  const { reportIncident } = await api.must(
    `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { ${INCIDENT_FIELDS} } }`,
    { input: { title: `Incident ${unique()}`, severity: "SEV3", componentIds: [], ...input } },
    token,
  );
  return reportIncident as Record<string, any>;
}

export async function postUpdate(api: TestApi, incidentId: string, input: Record<string, unknown>, token?: string) {
  return api.gql(
    `mutation($id: ID!, $input: PostStatusUpdateInput!) {
       postStatusUpdate(incidentId: $id, input: $input) { id sequence status message visibility componentStatuses { componentId status } }
     }`,
    { id: incidentId, input: { status: "INVESTIGATING", visibility: "PUBLIC", message: "Looking into it", ...input } },
    token,
  );
}

export async function getIncident(api: TestApi, id: string, token?: string | null) {
  const { incident } = await api.must(`query($id: ID!) { incident(id: $id) { ${INCIDENT_FIELDS} } }`, { id }, token);
  return incident as Record<string, any>;
}

/** Row counts of every table a failed mutation might have touched. */
export async function snapshot(api: TestApi) {
  const rows = await api.sql<{ t: string; n: string; h: string }>(
    `SELECT 'incident' AS t, count(*)::text AS n, coalesce(md5(string_agg(i::text, ',' ORDER BY id)), '') AS h FROM incident i
     UNION ALL SELECT 'incident_update', count(*)::text, coalesce(md5(string_agg(u::text, ',' ORDER BY id)), '') FROM incident_update u
     UNION ALL SELECT 'incident_report', count(*)::text, coalesce(md5(string_agg(r::text, ',' ORDER BY id)), '') FROM incident_report r
     UNION ALL SELECT 'incident_component', count(*)::text, coalesce(md5(string_agg(x::text, ',' ORDER BY incident_id, component_id)), '') FROM incident_component x
     UNION ALL SELECT 'component', count(*)::text, coalesce(md5(string_agg(c::text, ',' ORDER BY id)), '') FROM component c
     UNION ALL SELECT 'component_status_change', count(*)::text, '' FROM component_status_change
     UNION ALL SELECT 'organization', count(*)::text, coalesce(md5(string_agg(o::text, ',')), '') FROM organization o
     UNION ALL SELECT 'app_user', count(*)::text, coalesce(md5(string_agg(a::text, ',' ORDER BY id)), '') FROM app_user a
     UNION ALL SELECT 'api_token', count(*)::text, coalesce(md5(string_agg(k::text, ',' ORDER BY id)), '') FROM api_token k`,
  );
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}
