// PagerDuty Events API v2 intake (POST /v2/enqueue) on the built API: triggers with fresh dedup keys
// (each opens an alert) and repeated ones (dedup into an open alert). Target: ≥ 1,000 events/s.
import { benchDatabase, fmt, load, startApiProcess } from "./lib.mjs";

const db = await benchDatabase();
const api = await startApiProcess(db.url, { EVENTS_RATE_LIMIT_PER_MINUTE: "100000000", RATE_LIMIT_PER_SECOND: "0" });
try {
  const { createService } = await api.gql(`mutation { createService(input: { name: "Bench" }) { id } }`);
  const { createIntegration } = await api.gql(
    `mutation($s: ID!) { createIntegration(input: { serviceId: $s, name: "Monitoring" }) { routingKey } }`,
    { s: createService.id },
  );
  const routingKey = createIntegration.routingKey;
  let n = 0;
  const event = (dedupKey) =>
    JSON.stringify({
      routing_key: routingKey,
      event_action: "trigger",
      dedup_key: dedupKey,
      payload: { summary: "Disk usage above 90%", source: "db-7", severity: "warning", component: "postgres" },
    });
  for (const [label, dedup] of [
    ["new alerts (fresh dedup keys)", () => `alert-${n++}`],
    ["deduplicated (100 open keys)", () => `repeat-${n++ % 100}`],
  ]) {
    const result = await load({
      url: `${api.url}/v2/enqueue`,
      connections: 20,
      method: "POST",
      headers: { "content-type": "application/json" },
      requests: [{ setupRequest: (req) => ({ ...req, body: event(dedup()) }) }],
    });
    const ok = result.statusCodeStats?.["202"]?.count ?? 0;
    console.log(
      `${label}: ${fmt(ok / result.duration)} events/s accepted (202), p50 ${fmt(result.latency.p50, 1)} ms, p99 ${fmt(result.latency.p99, 1)} ms, non-202 ${fmt(result.non2xx)}, errors ${fmt(result.errors)} (target ≥ 1,000/s)`,
    );
  }
} finally {
  await api.stop();
  await db.stop();
}
