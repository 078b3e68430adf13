import { XMLParser, XMLValidator } from "fast-xml-parser";
import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApi, type TestApi } from "../../api/src/test/harness.js";
import { eventually, freePort, seedDemo, startSite, startSiteFor, type RunningSite } from "./support.js";

let api: TestApi;
let site: RunningSite;
let demo: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  api = await startTestApi();
  demo = await seedDemo(api);
  site = await startSiteFor(api);
});
afterAll(async () => {
  await site?.stop();
  await api?.close().catch(() => {});
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${site.url}${path}`, { headers });
const html = async (path: string) => {
  const res = await get(path);
  return { status: res.status, text: await res.text(), headers: res.headers };
};
const json = async (path: string) => (await get(path)).json() as Promise<any>;

// Statuspage's documented v2 shapes: consumers read exactly these names.
const PAGE_KEYS = ["id", "name", "url", "time_zone", "updated_at"];
const COMPONENT_KEYS = [
  "id",
  "name",
  "status",
  "created_at",
  "updated_at",
  "position",
  "description",
  "showcase",
  "start_date",
  "group_id",
  "page_id",
  "group",
  "only_show_if_degraded",
];
const INCIDENT_KEYS = [
  "id",
  "name",
  "status",
  "created_at",
  "updated_at",
  "monitoring_at",
  "resolved_at",
  "impact",
  "shortlink",
  "started_at",
  "page_id",
  "incident_updates",
  "components",
];
const UPDATE_KEYS = [
  "id",
  "status",
  "body",
  "incident_id",
  "created_at",
  "updated_at",
  "display_at",
  "affected_components",
  "deliver_notifications",
  "custom_tweet",
  "tweet_id",
];
const MAINTENANCE_KEYS = [...INCIDENT_KEYS, "scheduled_for", "scheduled_until"];
const sorted = (o: object) => Object.keys(o).sort();

function expectIncidentShape(incident: any, keys = INCIDENT_KEYS) {
  expect(sorted(incident)).toEqual([...keys].sort());
  for (const u of incident.incident_updates) expect(sorted(u)).toEqual([...UPDATE_KEYS].sort());
  for (const c of incident.components) expect(sorted(c)).toEqual([...COMPONENT_KEYS].sort());
}

describe("the home page", () => {
  test("shows the overall status, components in their groups with uptime, the open incident and maintenance", async () => {
    const { status, text } = await html("/");
    expect(status).toBe(200);
    expect(text).toContain("Partial System Outage");
    expect(text).toMatch(/<h3>API<\/h3>/);
    expect(text).toContain("REST API");
    expect(text).toContain("Degraded performance");
    expect(text).toContain("Slow API responses");
    expect(text).toContain("We are looking into slow responses of the REST API.");
    expect(text).not.toContain("Internal note");
    expect(text).toContain("Upcoming maintenance");
    expect(text).toContain("Database upgrade");
    expect(text).toMatch(/uptime for REST API over the last 90 days/);
    expect(text).toContain("How uptime is counted");
  });

  test("is served with a validator and answers 304 when unchanged", async () => {
    const first = await get("/");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"/);
    expect(first.headers.get("cache-control")).toBe(
      "public, max-age=5, s-maxage=10, stale-while-revalidate=20, stale-if-error=86400",
    );
    expect(first.headers.get("vary")).toBe("accept-encoding");
    const again = await get("/", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });
});

describe("the Statuspage v2 JSON", () => {
  const endpoints = [
    "/api/v2/status.json",
    "/api/v2/summary.json",
    "/api/v2/components.json",
    "/api/v2/incidents.json",
    "/api/v2/incidents/unresolved.json",
    "/api/v2/scheduled-maintenances.json",
    "/api/v2/scheduled-maintenances/upcoming.json",
    "/api/v2/scheduled-maintenances/active.json",
  ];

  test.each(endpoints)("%s has Statuspage's page object, ETag, Cache-Control and CORS", async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("etag")).toBeTruthy();
    expect(res.headers.get("cache-control")).toBeTruthy();
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await res.json()) as any;
    expect(sorted(body.page)).toEqual([...PAGE_KEYS].sort());
    expect(body.page.url).toBe(site.url);
    const again = await get(path, { "if-none-match": res.headers.get("etag")! });
    expect(again.status).toBe(304);
  });

  test("status.json and summary.json carry the indicator and description in Statuspage's words", async () => {
    const status = await json("/api/v2/status.json");
    expect(status.status).toEqual({ indicator: "major", description: "Partial System Outage" });
    const summary = await json("/api/v2/summary.json");
    expect(sorted(summary)).toEqual(["components", "incidents", "page", "scheduled_maintenances", "status"]);
    expect(summary.status).toEqual(status.status);
  });

  test("components.json lists groups as components, with members pointing to them, lowercase statuses", async () => {
    const { components } = await json("/api/v2/components.json");
    const group = components.find((c: any) => c.group === true);
    expect(group).toMatchObject({ name: "API", status: "degraded_performance", group_id: null });
    expect(group.components).toEqual([demo.rest, demo.graph]);
    const { components: _members, ...groupFields } = group;
    expect(sorted(groupFields)).toEqual([...COMPONENT_KEYS].sort());
    const rest = components.find((c: any) => c.id === demo.rest);
    expect(sorted(rest)).toEqual([...COMPONENT_KEYS].sort());
    expect(rest).toMatchObject({ status: "degraded_performance", group_id: group.id, group: false, showcase: true });
    expect(components.map((c: any) => c.position)).toEqual(components.map((_: unknown, i: number) => i + 1));
  });

  test("incidents carry their public updates newest first, with affected components", async () => {
    const { incidents } = await json("/api/v2/incidents.json");
    expect(incidents.map((i: any) => i.id)).toEqual([demo.open, demo.resolved]);
    for (const incident of incidents) expectIncidentShape(incident);
    const resolved = incidents[1];
    // Its post-incident report is out: Statuspage calls that postmortem, still resolved when it was.
    expect(resolved).toMatchObject({ name: "Login errors", status: "postmortem", impact: "minor" });
    expect(resolved.resolved_at).not.toBeNull();
    expect(Date.parse(resolved.created_at)).toBeLessThanOrEqual(Date.parse(resolved.resolved_at));
    expect(Date.parse(resolved.resolved_at)).toBeLessThanOrEqual(Date.parse(resolved.updated_at));
    expect(resolved.shortlink).toBe(`${site.url}/incidents/${demo.resolved}`);
    expect(resolved.incident_updates.map((u: any) => u.status)).toEqual(["resolved", "identified"]);
    expect(resolved.incident_updates[1].affected_components).toEqual([
      { code: demo.web, name: "Web app", old_status: "operational", new_status: "partial_outage" },
    ]);
    const open = incidents[0];
    expect(open.incident_updates.map((u: any) => u.body)).toEqual([
      "We are looking into slow responses of the REST API.",
    ]);
    const { incidents: unresolved } = await json("/api/v2/incidents/unresolved.json");
    expect(unresolved.map((i: any) => i.id)).toEqual([demo.open]);
  });

  test("scheduled maintenances have Statuspage's fields and land in upcoming or active", async () => {
    const all = await json("/api/v2/scheduled-maintenances.json");
    const [m] = all.scheduled_maintenances;
    expectIncidentShape(m, MAINTENANCE_KEYS);
    expect(m).toMatchObject({
      id: demo.maintenance,
      name: "Database upgrade",
      status: "scheduled",
      impact: "maintenance",
      started_at: null,
    });
    expect((await json("/api/v2/scheduled-maintenances/upcoming.json")).scheduled_maintenances).toHaveLength(1);
    expect((await json("/api/v2/scheduled-maintenances/active.json")).scheduled_maintenances).toHaveLength(0);

    await api.must(`mutation($id: ID!) { startScheduledMaintenance(id: $id) { id } }`, { id: demo.maintenance });
    await eventually(async () => {
      const active = await json("/api/v2/scheduled-maintenances/active.json");
      expect(active.scheduled_maintenances.map((x: any) => x.status)).toEqual(["in_progress"]);
      // Started now, a day before it was due: started_at tells the real start.
      expect(Date.parse(active.scheduled_maintenances[0].started_at)).toBeLessThan(
        Date.parse(active.scheduled_maintenances[0].scheduled_for),
      );
      const { components } = await json("/api/v2/components.json");
      expect(components.find((c: any) => c.id === demo.web).status).toBe("under_maintenance");
    });
    await api.must(`mutation($id: ID!) { completeScheduledMaintenance(id: $id) { id } }`, { id: demo.maintenance });
    await eventually(async () => {
      expect((await json("/api/v2/scheduled-maintenances/active.json")).scheduled_maintenances).toEqual([]);
      const { components } = await json("/api/v2/components.json");
      expect(components.find((c: any) => c.id === demo.web).status).toBe("operational");
      const { scheduled_maintenances } = await json("/api/v2/scheduled-maintenances.json");
      expect(scheduled_maintenances[0]).toMatchObject({ status: "completed" });
      expect(scheduled_maintenances[0].resolved_at).not.toBeNull();
    });
  });

  test("follows a public update within moments, without a visitor asking the API", async () => {
    const before = (await get("/api/v2/summary.json")).headers.get("etag");
    await demo.post(demo.open, {
      status: "IDENTIFIED",
      message: "A slow query was found.",
      visibility: "PUBLIC",
    });
    await eventually(async () => {
      const res = await get("/api/v2/summary.json");
      expect(res.headers.get("etag")).not.toBe(before);
      const summary = (await res.json()) as any;
      expect(summary.incidents[0].status).toBe("identified");
      expect(summary.incidents[0].incident_updates[0].body).toBe("A slow query was found.");
    });
  });

  test("compresses for clients that ask, with its own validator", async () => {
    const res = await get("/api/v2/summary.json", { "accept-encoding": "gzip" });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(((await res.json()) as any).page.id).toBeTruthy();
  });
});

describe("the feeds", () => {
  test("RSS is valid and lists incidents and maintenance", async () => {
    const res = await get("/history.rss");
    expect(res.headers.get("content-type")).toMatch(/^application\/rss\+xml/);
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser().parse(xml);
    expect(parsed.rss.channel.title).toContain("status");
    const feed = await new Parser().parseString(xml);
    const titles = feed.items.map((i) => i.title);
    expect(titles).toEqual(expect.arrayContaining([expect.stringContaining("Login errors (Resolved)")]));
    expect(titles).toEqual(expect.arrayContaining([expect.stringContaining("Maintenance: Database upgrade")]));
    for (const item of feed.items) {
      expect(item.link).toMatch(new RegExp(`^${site.url}/(incidents|maintenance)/`));
      expect(Number.isNaN(Date.parse(item.pubDate!))).toBe(false);
    }
  });

  test("Atom is valid and lists the same entries", async () => {
    const res = await get("/history.atom");
    expect(res.headers.get("content-type")).toMatch(/^application\/atom\+xml/);
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(parsed.feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(parsed.feed.id).toBeTruthy();
    expect(parsed.feed.updated).toBeTruthy();
    const feed = await new Parser().parseString(xml);
    expect(feed.items.length).toBeGreaterThanOrEqual(3);
    for (const entry of [parsed.feed.entry].flat()) {
      expect(entry.id).toMatch(/^urn:uuid:/);
      expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
    }
  });

  test("JSON Feed lists the same entries, and every page links it as an alternate", async () => {
    const res = await get("/history.json");
    expect(res.headers.get("content-type")).toMatch(/^application\/feed\+json/);
    const feed = (await res.json()) as any;
    expect(feed.version).toMatch(/^https:\/\/jsonfeed\.org\/version\//);
    expect(feed.feed_url).toBe(`${site.url}/history.json`);
    const rss = await new Parser().parseString(await (await get("/history.rss")).text());
    expect(feed.items.map((i: any) => i.title)).toEqual(rss.items.map((i) => i.title));
    for (const item of feed.items) {
      expect(item.url).toMatch(new RegExp(`^${site.url}/(incidents|maintenance)/`));
      expect(item.content_html).toBeTruthy();
    }
    const home = await html("/");
    expect(home.text).toMatch(/<link rel="alternate" type="application\/feed\+json"[^>]* href="\/history\.json"/);
  });

  test("each component has its own RSS, Atom and JSON feeds of what affected it", async () => {
    const titles = async (format: string) => {
      const res = await get(`/components/${demo.web}/history.${format}`);
      expect(res.status).toBe(200);
      const text = await res.text();
      if (format === "json") return (JSON.parse(text) as any).items.map((i: any) => i.title as string);
      expect(XMLValidator.validate(text)).toBe(true);
      return (await new Parser().parseString(text)).items.map((i) => i.title!);
    };
    for (const format of ["rss", "atom", "json"]) {
      const list = await titles(format);
      expect(list).toEqual(
        expect.arrayContaining([
          expect.stringContaining("Login errors"),
          expect.stringContaining("Maintenance: Database upgrade"),
        ]),
      );
      expect(list.join()).not.toContain("Slow API responses");
    }
    const rest = await new Parser().parseString(await (await get(`/components/${demo.rest}/history.rss`)).text());
    expect(rest.title).toContain("API: REST API");
    expect(rest.items.map((i) => i.title)).toEqual([expect.stringContaining("Slow API responses")]);
    expect((await get("/components/00000000-0000-4000-8000-0000000000ac/history.rss")).status).toBe(404);
    expect((await get(`/components/${demo.web}/history.xml`)).status).toBe(404);
  });

  test("text from the API is escaped, not interpreted", async () => {
    await demo.post(demo.open, {
      status: "IDENTIFIED",
      message: "Queries with <b>bold</b> & ampersands ]]> survive.",
      visibility: "PUBLIC",
    });
    await eventually(async () => {
      const xml = await (await get("/history.rss")).text();
      expect(XMLValidator.validate(xml)).toBe(true);
      const feed = await new Parser().parseString(xml);
      const item = feed.items.find((i) => i.title?.startsWith("Slow API responses"));
      expect(item?.content).toContain("&lt;b&gt;bold&lt;/b&gt; &amp; ampersands ]]&gt; survive.");
      const page = await html(`/incidents/${demo.open}`);
      expect(page.text).toContain("Queries with &lt;b&gt;bold&lt;/b&gt;");
    });
  });
});

describe("the incident, report, maintenance and history pages", () => {
  test("an incident page shows the public timeline, affected components and links its reports", async () => {
    const { status, text } = await html(`/incidents/${demo.resolved}`);
    expect(status).toBe(200);
    expect(text).toContain("<h1>Login errors</h1>");
    expect(text).toContain("A certificate expired on the login service.");
    expect(text).toContain("The certificate was renewed.");
    expect(text).toContain("Web app");
    expect(text).toContain(`href="/incidents/${demo.resolved}/reports/post-incident"`);
    expect(text).toMatch(/<time datetime="\d{4}-\d\d-\d\dT[\d:.]+Z" data-local>/);
  });

  test("an open incident's page hides internal updates", async () => {
    const { text } = await html(`/incidents/${demo.open}`);
    expect(text).toContain("Slow API responses");
    expect(text).not.toContain("Internal note");
  });

  test("the post-incident report page shows the summary, root cause and actions", async () => {
    const { status, text } = await html(`/incidents/${demo.resolved}/reports/post-incident`);
    expect(status).toBe(200);
    expect(text).toContain("Post-incident report: Login errors");
    expect(text).toContain("Logins failed for 20 minutes.");
    expect(text).toContain("A certificate renewal job had been disabled.");
    expect(text).toContain("Alert 14 days before any certificate expires");
  });

  test("the maintenance page shows the window and its updates", async () => {
    const { status, text } = await html(`/maintenance/${demo.maintenance}`);
    expect(status).toBe(200);
    expect(text).toContain("<h1>Database upgrade</h1>");
    expect(text).toContain("The web app may be read-only for a few minutes.");
  });

  test("the history lists this month's incidents and pages back by month", async () => {
    const { status, text } = await html("/history");
    expect(status).toBe(200);
    expect(text).toContain("Login errors");
    expect(text).toContain("Slow API responses");
    const previous = /href="\/history\/(\d{4}-\d\d)" rel="prev"/.exec(text)![1]!;
    const older = await html(`/history/${previous}`);
    expect(older.status).toBe(200);
    expect(older.text).toContain("No incidents were reported in");
  });

  test.each([
    ["an unknown incident", "/incidents/00000000-0000-4000-8000-0000000000aa"],
    ["a malformed incident id", "/incidents/not-an-id"],
    ["an unknown maintenance", "/maintenance/00000000-0000-4000-8000-0000000000ab"],
    ["a report not published", "/incidents/ID/reports/preliminary"],
    ["an unknown report kind", "/incidents/ID/reports/final"],
    ["a month in the future", "/history/2999-01"],
    ["a malformed month", "/history/january"],
    ["an unknown page", "/no-such-page"],
  ])("%s is a real 404 page", async (_, path) => {
    const { status, text } = await html(path.replace("ID", demo.resolved));
    expect(status).toBe(404);
    expect(text).toContain("We could not find that");
    expect(text).toContain('href="/"');
  });
});

describe("the Subscribe to updates link", () => {
  test.each([
    ["/"],
    ["/history"],
    ["/incidents/RESOLVED"],
    ["/incidents/RESOLVED/reports/post-incident"],
    ["/maintenance/MAINTENANCE"],
    ["/subscribe"],
    ["/subscribe/done?result=check-inbox"],
    ["/subscriptions/confirm?result=confirmed"],
    ["/subscriptions/confirm?result=unknown"],
    ["/subscriptions/unsubscribe?token=abc"],
    ["/subscriptions/unsubscribe?result=done"],
    ["/no-such-page"],
  ])("is on %s", async (path) => {
    const { text } = await html(path.replace("RESOLVED", demo.resolved).replace("MAINTENANCE", demo.maintenance));
    expect(text).toMatch(/<a href="\/subscribe"[^>]*>Subscribe to updates<\/a>/);
  });
});

describe("HTTP caching (a CDN in front)", () => {
  const CACHE_CONTROL = "public, max-age=5, s-maxage=10, stale-while-revalidate=20, stale-if-error=86400";

  test("every page, JSON document and feed may be kept, carries an ETag and answers 304 to it", async () => {
    const paths = [
      "/",
      "/api/v2/summary.json",
      "/api/v2/incidents.json",
      "/history.rss",
      "/history.atom",
      `/incidents/${demo.resolved}`,
      `/incidents/${demo.resolved}/reports/post-incident`,
      `/maintenance/${demo.maintenance}`,
      "/history",
    ];
    for (const path of paths) {
      for (const encoding of ["identity", "gzip"]) {
        const first = await get(path, { "accept-encoding": encoding });
        expect(first.status, path).toBe(200);
        expect(first.headers.get("cache-control"), path).toBe(CACHE_CONTROL);
        expect(first.headers.get("vary"), path).toBe("accept-encoding");
        const etag = first.headers.get("etag");
        expect(etag, path).toMatch(/^"[\w-]+"$/);
        const again = await get(path, { "accept-encoding": encoding, "if-none-match": etag! });
        expect(again.status, path).toBe(304);
        expect(again.headers.get("etag"), path).toBe(etag);
        expect(again.headers.get("cache-control"), path).toBe(CACHE_CONTROL);
      }
    }
  });

  test("a page that is not found is not to be kept", async () => {
    const res = await get("/incidents/00000000-0000-4000-8000-0000000000aa");
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  test("a change reaches an incident page within the site's part of the staleness (seconds), with a new ETag", async () => {
    const path = `/incidents/${demo.open}`;
    const before = (await get(path)).headers.get("etag")!;
    await demo.post(demo.open, { status: "MONITORING", message: "A fix is being watched.", visibility: "PUBLIC" });
    // README, "Caching": the site follows the API's change feed; within 5 s here, well under a second usually.
    await eventually(async () => {
      const res = await get(path, { "if-none-match": before });
      expect(res.status).toBe(200);
      expect(res.headers.get("etag")).not.toBe(before);
      expect(await res.text()).toContain("A fix is being watched.");
    }, 5_000);
  });
});

describe("corrections", () => {
  test("a corrected update reads 'edited' on its incident page, and the JSON's updated_at follow the edit", async () => {
    const before = (await json("/api/v2/incidents.json")).incidents.find((i: any) => i.id === demo.resolved);
    const { incident } = await api.must(`query($id: ID!) { incident(id: $id) { updates { id message } } }`, {
      id: demo.resolved,
    });
    const typo = incident.updates.find((u: any) => u.message === "A certificate expired on the login service.");
    api.clock.advance(60_000);
    await api.must(
      `mutation($id: ID!) { editStatusUpdate(updateId: $id, input: { message: "A certificate expired on the sign-in service." }) { id } }`,
      { id: typo.id },
    );
    await eventually(async () => {
      const page = await html(`/incidents/${demo.resolved}`);
      expect(page.text).toContain("A certificate expired on the sign-in service.");
      expect(page.text).not.toContain("A certificate expired on the login service.");
      expect(page.text).toMatch(/edited <time datetime="[^"]+" data-local>/);
      const after = (await json("/api/v2/incidents.json")).incidents.find((i: any) => i.id === demo.resolved);
      expectIncidentShape(after);
      const update = after.incident_updates.find((u: any) => u.id === typo.id);
      expect(update.body).toBe("A certificate expired on the sign-in service.");
      expect(Date.parse(update.updated_at)).toBeGreaterThan(Date.parse(update.created_at));
      expect(Date.parse(after.updated_at)).toBeGreaterThan(Date.parse(before.updated_at));
    });
    const untouched = await html(`/incidents/${demo.open}`);
    expect(untouched.text).not.toContain("edited <time");
  });
});

describe("incidents only staff know of", () => {
  test("are nowhere on the site until their first PUBLIC update, which brings them under their public name", async () => {
    const internal = "pg-primary-3 split brain on shard 7";
    const incident = (
      await api.must(`mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`, {
        input: { title: internal, publicTitle: "Errors saving changes", severity: "SEV1", componentIds: [demo.graph] },
      })
    ).reportIncident.id as string;
    await api.must(
      `mutation($id: ID!) { postStatusUpdate(incidentId: $id, input: { status: INVESTIGATING, visibility: INTERNAL, message: "Paging the DBAs" }) { id } }`,
      { id: incident },
    );
    // A public change after it: once the site shows that, it has read everything before it too.
    await demo.post(demo.open, { status: "IDENTIFIED", message: "Still on the slow query.", visibility: "PUBLIC" });
    await eventually(async () => {
      const summary = await json("/api/v2/summary.json");
      expect(summary.incidents[0].incident_updates[0].body).toBe("Still on the slow query.");
    });
    const summary = await json("/api/v2/summary.json");
    expect(summary.status).toEqual({ indicator: "major", description: "Partial System Outage" });
    expect(summary.incidents.map((i: any) => i.id)).not.toContain(incident);
    expect((await json("/api/v2/incidents.json")).incidents.map((i: any) => i.id)).not.toContain(incident);
    expect((await html(`/incidents/${incident}`)).status).toBe(404);
    for (const path of ["/", "/history", "/history.rss", "/api/v2/incidents/unresolved.json"])
      expect((await html(path)).text).not.toContain(internal);

    await demo.post(incident, {
      status: "INVESTIGATING",
      message: "Saving changes fails for some.",
      visibility: "PUBLIC",
    });
    await eventually(async () => {
      const { incidents } = await json("/api/v2/incidents/unresolved.json");
      expect(incidents.find((i: any) => i.id === incident)).toMatchObject({
        name: "Errors saving changes",
        impact: "none",
      });
    });
    // Published, unassessed and with no component set: the SEV1 presumes no outage on the page.
    expect((await json("/api/v2/status.json")).status).toEqual({
      indicator: "major",
      description: "Partial System Outage",
    });
    const page = await html(`/incidents/${incident}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Errors saving changes");
    for (const path of ["/", `/incidents/${incident}`, "/history.rss", "/api/v2/summary.json"])
      expect((await html(path)).text).not.toContain(internal);
  });
});

describe("incidents written down after the fact", () => {
  test("a back-dated incident's JSON is created when reported, before it was resolved and updated", async () => {
    // Two hours ago someone handled an outage; it is reported with the time it began.
    api.clock.advance(-2 * 3_600_000);
    const began = new Date(api.clock.now().getTime() - 600_000).toISOString();
    const incident = (
      await api.must(`mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`, {
        input: { title: "Webhook delays", severity: "SEV4", componentIds: [demo.web], reportedAt: began },
      })
    ).reportIncident.id as string;
    await demo.post(incident, { status: "INVESTIGATING", message: "Webhooks are late.", visibility: "PUBLIC" });
    await demo.post(incident, { status: "RESOLVED", message: "Webhooks are on time again.", visibility: "PUBLIC" });
    api.clock.advance(2 * 3_600_000);
    const found = await eventually(async () => {
      const { incidents } = await json("/api/v2/incidents.json");
      const it = incidents.find((i: any) => i.id === incident);
      expect(it).toMatchObject({ status: "resolved" });
      return it;
    });
    expect(found.created_at).toBe(began);
    expect(found.started_at).toBe(began);
    expect(Date.parse(found.created_at)).toBeLessThanOrEqual(Date.parse(found.resolved_at));
    expect(Date.parse(found.resolved_at)).toBeLessThanOrEqual(Date.parse(found.updated_at));
  });
});

describe("when the API goes away", () => {
  test("the site keeps serving the last known state, saying when it was confirmed", async () => {
    await api.close();
    await eventually(async () => {
      const { status, text } = await html("/");
      expect(status).toBe(200);
      expect(text).toContain("Slow API responses");
      expect(text).toContain("We cannot reach the status service right now");
      expect(text).toMatch(/last confirmed at <time/);
    }, 20_000);
    expect((await get("/api/v2/summary.json")).status).toBe(200);
    expect((await html(`/incidents/${demo.resolved}`)).status).toBe(200);
    expect((await get("/healthz")).status).toBe(200);
    expect((await get("/readyz")).status).toBe(200);
  });
});

describe("before the site has ever reached the API", () => {
  test("it answers, but is not ready: /readyz and /healthz say 503 until it has a status", async () => {
    const nowhere = await startSite(`http://127.0.0.1:${await freePort()}`, {}, { ready: false });
    try {
      const ready = await fetch(`${nowhere.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: "starting", lastUpdated: null });
      expect((await fetch(`${nowhere.url}/healthz`)).status).toBe(503);
    } finally {
      await nowhere.stop();
    }
  });
});
