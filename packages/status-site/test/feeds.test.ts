// The feeds on their own, from a made-up snapshot, read back with real parsers: no API needed.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import Parser from "rss-parser";
import { describe, expect, test } from "vitest";
import { componentFeed, historyFeed } from "../src/lib/feeds.js";
import type { Incident, Snapshot } from "../src/lib/types.js";

const T = "2026-01-05T10:00:00.000Z";
const SITE = "https://status.example";
const component = (id: string, name: string, group: string | null) =>
  ({
    id,
    name,
    group,
    status: "OPERATIONAL",
    description: null,
    position: 0,
    createdAt: T,
    updatedAt: T,
    uptime: [],
  }) as never;

function incident(id: string, title: string, componentIds: string[], updatedAt: string, message = "Looking"): Incident {
  return {
    id,
    number: 1,
    title,
    status: "INVESTIGATING",
    impact: "MINOR",
    reportedAt: T,
    resolvedAt: null,
    createdAt: T,
    updatedAt,
    components: componentIds.map((c) => ({ id: c, name: c.toUpperCase() })),
    reports: [],
    updates: [{ id: `${id}-u`, status: "INVESTIGATING", message, createdAt: T, editedAt: null, componentStatuses: [] }],
  };
}

const TRICKY = "Errors ]]> twice ]]> & <b>tags</b>\u0007";
const snapshot: Snapshot = {
  statusPage: {
    id: "page",
    name: "Acme & Co",
    timeZone: "UTC",
    indicator: "MINOR",
    description: "Minor",
    updatedAt: "2026-01-05T12:00:00.000Z",
    components: [component("a", "REST", "API"), component("b", "Web", null)],
    activeIncidents: [
      incident(
        "00000000-0000-4000-8000-00000000000a",
        TRICKY,
        ["a"],
        "2026-01-05T11:00:00.000Z",
        "Slow <i>queries</i>",
      ),
      incident("00000000-0000-4000-8000-00000000000b", "Web down", ["b"], "2026-01-05T11:30:00.000Z"),
    ],
    scheduledMaintenances: [],
  },
  recentIncidents: [],
  recentMaintenances: [],
};

describe("the history feeds", () => {
  test("RSS is well-formed even with ']]>' twice and control characters in a title", async () => {
    const xml = historyFeed(snapshot, SITE, "rss");
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toBe("Acme & Co status: incident and maintenance history");
    expect(feed.items.map((i) => i.title)).toEqual([
      "Web down (Investigating)",
      "Errors ]] > twice ]] > & <b>tags</b> (Investigating)",
    ]);
    expect(feed.items[1]!.content).toContain("Slow &lt;i&gt;queries&lt;/i&gt;");
    expect(feed.items[1]!.guid).toBe("urn:uuid:00000000-0000-4000-8000-00000000000a");
    expect(new Date(feed.items[0]!.pubDate!).toISOString()).toBe("2026-01-05T11:30:00.000Z");
    const raw = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(raw.rss.channel["atom:link"]["@_href"]).toBe(`${SITE}/history.rss`);
  });

  test("Atom carries titles as escaped HTML, so readers show the text, not markup", async () => {
    const xml = historyFeed(snapshot, SITE, "atom");
    expect(XMLValidator.validate(xml)).toBe(true);
    const raw = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(raw.feed.id).toBe(`${SITE}/history`);
    expect(raw.feed.updated).toBe("2026-01-05T12:00:00.000Z");
    const entries = [raw.feed.entry].flat();
    expect(entries.map((e: any) => e.id)).toEqual([
      "urn:uuid:00000000-0000-4000-8000-00000000000b",
      "urn:uuid:00000000-0000-4000-8000-00000000000a",
    ]);
    expect(entries[1].title["@_type"]).toBe("html");
    expect(entries[1].title["#text"]).toBe("Errors ]]&gt; twice ]]&gt; &amp; &lt;b&gt;tags&lt;/b&gt; (Investigating)");
    expect(entries[1].published).toBe(T);
    const feed = await new Parser().parseString(xml);
    expect(feed.items).toHaveLength(2);
  });

  test("JSON Feed keeps the text exactly, with HTML content and both dates", () => {
    const json = JSON.parse(historyFeed(snapshot, SITE, "json"));
    expect(json.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1/);
    expect(json.feed_url).toBe(`${SITE}/history.json`);
    expect(json.home_page_url).toBe(`${SITE}/`);
    expect(json.items[1]).toMatchObject({
      id: "urn:uuid:00000000-0000-4000-8000-00000000000a",
      url: `${SITE}/incidents/00000000-0000-4000-8000-00000000000a`,
      title: `${TRICKY} (Investigating)`,
      date_published: T,
      date_modified: "2026-01-05T11:00:00.000Z",
    });
    expect(json.items[1].content_html).toContain("Slow &lt;i&gt;queries&lt;/i&gt;");
  });
});

describe("a component's feeds", () => {
  test("list only what affected that component, under the component's own address", async () => {
    const rss = componentFeed(snapshot, SITE, "b", "rss")!;
    const feed = await new Parser().parseString(rss);
    expect(feed.title).toBe("Acme & Co status: Web");
    expect(feed.items.map((i) => i.title)).toEqual(["Web down (Investigating)"]);
    const atom = new XMLParser({ ignoreAttributes: false }).parse(componentFeed(snapshot, SITE, "a", "atom")!);
    expect(atom.feed.title).toBe("Acme & Co status: API: REST");
    expect([atom.feed.link].flat().find((l: any) => l["@_rel"] === "self")["@_href"]).toBe(
      `${SITE}/components/a/history.atom`,
    );
    const json = JSON.parse(componentFeed(snapshot, SITE, "a", "json")!);
    expect(json.items.map((i: any) => i.id)).toEqual(["urn:uuid:00000000-0000-4000-8000-00000000000a"]);
    expect(json.feed_url).toBe(`${SITE}/components/a/history.json`);
  });

  test("an unknown component has no feed", () => {
    expect(componentFeed(snapshot, SITE, "nope", "rss")).toBeNull();
  });
});
