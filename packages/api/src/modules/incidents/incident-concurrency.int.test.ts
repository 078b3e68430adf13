import { afterAll, beforeAll, expect, test } from "vitest";
import { aComponent, anIncident, getIncident, postUpdate } from "../../test/factories.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const STATUSES = ["DEGRADED_PERFORMANCE", "PARTIAL_OUTAGE", "MAJOR_OUTAGE", "OPERATIONAL"] as const;

test("50 parallel status updates on one incident all persist, in order of acceptance, components matching the latest", async () => {
  const a = await aComponent(api);
  const b = await aComponent(api);
  const incident = await anIncident(api, { componentIds: [a.id, b.id] });
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      postUpdate(api, incident.id, {
        status: i % 2 ? "IDENTIFIED" : "MONITORING",
        message: `update ${i}`,
        componentStatuses: [
          { componentId: a.id, status: STATUSES[i % 4] },
          { componentId: b.id, status: STATUSES[(i + 1) % 4] },
        ],
      }),
    ),
  );
  expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
  const sequences = results.map((r) => (r.data as any).postStatusUpdate.sequence as number).sort((x, y) => x - y);
  expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));

  const after = await getIncident(api, incident.id);
  expect(after.updates).toHaveLength(50);
  const rows = await api.sql<{ sequence: number; created_at: Date; message: string; status: string }>(
    "SELECT sequence, created_at, message, status FROM incident_update WHERE incident_id = $1 ORDER BY sequence",
    [incident.id],
  );
  // Acceptance order: sequence order never contradicts commit-time order.
  for (let i = 1; i < rows.length; i++)
    expect(rows[i]!.created_at.getTime()).toBeGreaterThanOrEqual(rows[i - 1]!.created_at.getTime());
  const latest = results.map((r) => (r.data as any).postStatusUpdate).find((u) => u.sequence === 50);
  const latestStatuses = Object.fromEntries(
    latest.componentStatuses.map((c: { componentId: string; status: string }) => [c.componentId, c.status]),
  );
  expect(Object.fromEntries(after.components.map((c: { id: string; status: string }) => [c.id, c.status]))).toEqual(
    latestStatuses,
  );
  expect(after.status).toBe(rows.at(-1)!.status);
});

test("two incidents updating the same components in parallel neither deadlock nor lose a write", async () => {
  const shared = [await aComponent(api), await aComponent(api)];
  const one = await anIncident(api, { componentIds: shared.map((c) => c.id) });
  const two = await anIncident(api, { componentIds: shared.map((c) => c.id) });
  const results = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      postUpdate(api, (i % 2 ? one : two).id, {
        message: `m${i}`,
        componentStatuses: (i % 3 ? shared : [...shared].reverse()).map((c, j) => ({
          componentId: c.id,
          status: STATUSES[(i + j) % 4],
        })),
      }),
    ),
  );
  expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
  const [count] = await api.sql<{ n: string }>(
    "SELECT count(*) AS n FROM incident_update WHERE incident_id = ANY($1::uuid[])",
    [[one.id, two.id]],
  );
  expect(Number(count!.n)).toBe(30);
});
