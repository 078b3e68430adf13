import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { anIncident, aUser, postUpdate, snapshot } from "../../../test/factories.js";
import { anAccount } from "../../../test/support-factories.js";
import { collect, startTestApi, waitFor, type TestApi } from "../../../test/harness.js";

let api: TestApi;
let responder: { user: { id: string }; token: string };
beforeAll(async () => {
  api = await startTestApi();
  responder = await aUser(api, "RESPONDER");
});
afterAll(() => api?.close());

const MIN = 60_000;

const UPDATE_FIELDS = `id sequence status message visibility createdAt editedAt revisions { message editedAt editedBy { id } }`;

const edit = (updateId: string, message: unknown, token?: string | null) =>
  api.gql(
    `mutation($id: ID!, $input: EditStatusUpdateInput!) { editStatusUpdate(updateId: $id, input: $input) { ${UPDATE_FIELDS} } }`,
    { id: updateId, input: { message } },
    token,
  );

const updatesOf = async (incidentId: string, token?: string | null) =>
  (
    await api.must(
      `query($id: ID!) { incident(id: $id) { updatedAt updates { ${UPDATE_FIELDS} } cadence { nextUpdateDueAt } } }`,
      { id: incidentId },
      token,
    )
  ).incident;

async function posted(input: Record<string, unknown> = {}) {
  const incident = await anIncident(api);
  const res = await postUpdate(api, incident.id, { message: "Checkout is donw for some customers", ...input });
  return { incident, update: (res.data as any).postStatusUpdate };
}

describe("correcting a status update", () => {
  test("regression: a typo in a public update stayed forever — the page shows the fix, staff keep the earlier text", async () => {
    const { incident, update } = await posted();
    api.clock.advance(2 * MIN);
    const res = await edit(update.id, "Checkout is down for some customers", responder.token);
    expect(res.errors).toBeUndefined();
    const edited = (res.data as any).editStatusUpdate;
    expect(edited).toMatchObject({
      id: update.id,
      sequence: update.sequence,
      message: "Checkout is down for some customers",
      revisions: [{ message: "Checkout is donw for some customers", editedBy: { id: responder.user.id } }],
    });
    expect(Date.parse(edited.editedAt)).toBeGreaterThan(Date.parse(edited.createdAt));
    expect(edited.revisions[0].editedAt).toBe(edited.editedAt);

    const anonymous = await updatesOf(incident.id, null);
    expect(anonymous.updates).toEqual([
      expect.objectContaining({
        message: "Checkout is down for some customers",
        editedAt: edited.editedAt,
        revisions: [],
      }),
    ]);
  });

  test("every earlier text is kept, oldest first, with who replaced it and when", async () => {
    const { update } = await posted({ message: "First" });
    await edit(update.id, "Second");
    api.clock.advance(MIN);
    const last = (await edit(update.id, "Third", responder.token)).data as any;
    expect(last.editStatusUpdate.message).toBe("Third");
    expect(last.editStatusUpdate.revisions.map((r: any) => [r.message, r.editedBy?.id])).toEqual([
      ["First", expect.any(String)],
      ["Second", responder.user.id],
    ]);
  });

  test("the same text again records no revision", async () => {
    const { update } = await posted({ message: "Unchanged" });
    const res = (await edit(update.id, "  Unchanged ")).data as any;
    expect(res.editStatusUpdate).toMatchObject({ message: "Unchanged", editedAt: null, revisions: [] });
  });

  test("a correction moves the incident's updatedAt but not its cadence: it is not a new update", async () => {
    const { incident, update } = await posted();
    const before = await updatesOf(incident.id);
    api.clock.advance(10 * MIN);
    await edit(update.id, "Checkout is down for some customers");
    const after = await updatesOf(incident.id);
    expect(after.cadence.nextUpdateDueAt).toBe(before.cadence.nextUpdateDueAt);
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    expect(after.updates[0].createdAt).toBe(before.updates[0].createdAt);
  });

  test("a resolved incident's updates may still be corrected", async () => {
    const { incident } = await posted();
    const resolved = (await postUpdate(api, incident.id, { status: "RESOLVED", message: "Fixed at 10:40" }))
      .data as any;
    const res = await edit(resolved.postStatusUpdate.id, "Fixed at 10:04");
    expect(res.errors).toBeUndefined();
    expect((await updatesOf(incident.id, null)).updates[0].message).toBe("Fixed at 10:04");
  });

  test("an internal note stays internal once corrected", async () => {
    const { incident } = await posted();
    const note = (await postUpdate(api, incident.id, { visibility: "INTERNAL", message: "Paging the DBA" }))
      .data as any;
    await edit(note.postStatusUpdate.id, "Paging the database team");
    expect((await updatesOf(incident.id, null)).updates.map((u: any) => u.message)).toEqual([
      "Checkout is donw for some customers",
    ]);
    expect((await updatesOf(incident.id)).updates[0]).toMatchObject({
      message: "Paging the database team",
      visibility: "INTERNAL",
    });
  });

  test("a correction notifies nobody again: customers of linked tickets heard the update once", async () => {
    const account = await anAccount(api);
    const customer = await aUser(api, "CUSTOMER", { accountId: account.id });
    const incident = await anIncident(api);
    const ticket = (
      await api.must(
        `mutation { openTicket(input: { subject: "Checkout?", priority: P2 }) { id } }`,
        {},
        customer.token,
      )
    ).openTicket;
    await api.must(`mutation($t: ID!, $i: ID) { linkTicketToIncident(ticketId: $t, incidentId: $i) { id } }`, {
      t: ticket.id,
      i: incident.id,
    });
    const update = ((await postUpdate(api, incident.id, { message: "Checkout is donw" })).data as any).postStatusUpdate;
    await edit(update.id, "Checkout is down");
    const inbox = await api.must(`{ notifications(first: 10) { edges { node { kind body } } } }`, {}, customer.token);
    expect(inbox.notifications.edges.map((e: any) => e.node)).toEqual([
      { kind: "INCIDENT_UPDATE", body: "Checkout is donw" },
    ]);
  });

  test("live readers of the incident see the correction", async () => {
    const { incident, update } = await posted();
    const listening = api.app.services.bus.listenerCount();
    const client = api.ws(null);
    const feed = collect<any>(
      client,
      `subscription($id: ID) { incidentUpdated(incidentId: $id) { updates { message editedAt } } }`,
      {
        id: incident.id,
      },
    );
    await waitFor(() => api.app.services.bus.listenerCount() > listening);
    await edit(update.id, "Checkout is down for some customers");
    await feed.until(1);
    expect(feed.received[0]?.data?.incidentUpdated.updates[0]).toMatchObject({
      message: "Checkout is down for some customers",
      editedAt: expect.any(String),
    });
    feed.unsubscribe();
  });

  test("bad input changes nothing: empty text, control characters, too long, unknown or malformed ids", async () => {
    const { update } = await posted();
    const before = await snapshot(api);
    const cases: [string, unknown, string][] = [
      [update.id, "   ", "BAD_USER_INPUT"],
      [update.id, "Fixed\u0000", "BAD_USER_INPUT"],
      [update.id, "Line\u0007bell", "BAD_USER_INPUT"],
      [update.id, "x".repeat(5001), "BAD_USER_INPUT"],
      ["00000000-0000-4000-8000-00000000dead", "Fine text", "NOT_FOUND"],
      ["not-an-id", "Fine text", "NOT_FOUND"],
    ];
    for (const [id, message, code] of cases) {
      const res = await edit(id, message);
      expect(res.errors?.[0]?.extensions.code, JSON.stringify(message).slice(0, 40)).toBe(code);
      if (code === "BAD_USER_INPUT") expect(res.errors?.[0]?.extensions.fields).toHaveProperty(["input.message"]);
    }
    expect(await snapshot(api)).toEqual(before);
    const rows = await api.sql("SELECT 1 FROM incident_update_revision WHERE update_id = $1", [update.id]);
    expect(rows).toEqual([]);
  });

  test("customers, customer success engineers and anonymous callers may not correct updates", async () => {
    const { update } = await posted();
    const account = await anAccount(api);
    const customer = await aUser(api, "CUSTOMER", { accountId: account.id });
    const cse = await aUser(api, "CUSTOMER_SUCCESS_ENGINEER");
    expect((await edit(update.id, "Mine now", customer.token)).errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect((await edit(update.id, "Mine now", cse.token)).errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect((await edit(update.id, "Mine now", null)).errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });
});

const REPORT_FIELDS = `id kind summary rootCause actionItems publishedAt revisedAt
  revisions { summary rootCause actionItems revisedAt revisedBy { id } }`;

const revise = (reportId: string, input: Record<string, unknown>, token?: string) =>
  api.gql(
    `mutation($id: ID!, $input: ReviseIncidentReportInput!) { reviseIncidentReport(reportId: $id, input: $input) { ${REPORT_FIELDS} } }`,
    { id: reportId, input },
    token,
  );

async function publishedReport(kind = "POST_INCIDENT") {
  const { incident } = await posted();
  await postUpdate(api, incident.id, { status: "RESOLVED", message: "Fixed" });
  const data = await api.must(
    `mutation($id: ID!, $input: PublishIncidentReportInput!) { publishIncidentReport(incidentId: $id, input: $input) { id } }`,
    {
      id: incident.id,
      input: {
        kind,
        summary: "Checkout failed for 20 minutes.",
        rootCause: "A certificate expired.",
        actionItems: ["Alert before certificates expire"],
      },
    },
  );
  return { incident, reportId: data.publishIncidentReport.id as string };
}

const reportsOf = async (incidentId: string, token?: string | null) =>
  (
    await api.must(
      `query($id: ID!) { incident(id: $id) { reports { ${REPORT_FIELDS} } cadence { overdue } } }`,
      { id: incidentId },
      token,
    )
  ).incident;

describe("revising an incident report", () => {
  test("regression: a wrong root cause stayed forever (a second report was CONFLICT) — now it is revised in place", async () => {
    const { incident, reportId } = await publishedReport();
    api.clock.advance(MIN);
    const res = await revise(
      reportId,
      { summary: "Checkout failed for 20 minutes.", rootCause: "A certificate renewal job had been disabled." },
      responder.token,
    );
    expect(res.errors).toBeUndefined();
    const anonymous = await reportsOf(incident.id, null);
    expect(anonymous.reports).toEqual([
      expect.objectContaining({
        rootCause: "A certificate renewal job had been disabled.",
        actionItems: ["Alert before certificates expire"],
        revisedAt: expect.any(String),
        revisions: [],
      }),
    ]);
    const staff = await reportsOf(incident.id);
    expect(staff.reports[0].revisions).toEqual([
      {
        summary: "Checkout failed for 20 minutes.",
        rootCause: "A certificate expired.",
        actionItems: ["Alert before certificates expire"],
        revisedAt: anonymous.reports[0].revisedAt,
        revisedBy: { id: responder.user.id },
      },
    ]);
    // Publishing the same kind again is still refused: there is one report of each kind, revised in place.
    const again = await api.gql(
      `mutation($id: ID!) { publishIncidentReport(incidentId: $id, input: { kind: POST_INCIDENT, summary: "Again" }) { id } }`,
      { id: incident.id },
    );
    expect(again.errors?.[0]?.extensions.code).toBe("CONFLICT");
  });

  test("a left-out root cause and action items stay; null removes the root cause, an empty list the items", async () => {
    const { reportId } = await publishedReport();
    const kept = ((await revise(reportId, { summary: "Shorter." })).data as any).reviseIncidentReport;
    expect(kept).toMatchObject({
      summary: "Shorter.",
      rootCause: "A certificate expired.",
      actionItems: ["Alert before certificates expire"],
    });
    const cleared = ((await revise(reportId, { summary: "Shorter.", rootCause: null, actionItems: [] })).data as any)
      .reviseIncidentReport;
    expect(cleared).toMatchObject({ rootCause: null, actionItems: [] });
    expect(cleared.revisions).toHaveLength(2);
  });

  test("the same words again record no revision", async () => {
    const { reportId } = await publishedReport();
    const same = ((await revise(reportId, { summary: "Checkout failed for 20 minutes." })).data as any)
      .reviseIncidentReport;
    expect(same).toMatchObject({ revisedAt: null, revisions: [] });
  });

  test("a revised preliminary report still meets its obligation", async () => {
    const { incident, reportId } = await publishedReport("PRELIMINARY");
    await revise(reportId, { summary: "Checkout failed for 25 minutes." });
    api.clock.advance(3 * 24 * 60 * MIN);
    expect((await reportsOf(incident.id)).cadence.overdue).not.toContain("PRELIMINARY_REPORT");
  });

  test("bad input changes nothing: empty summary, control characters, unknown ids; customers may not revise", async () => {
    const { reportId } = await publishedReport();
    const account = await anAccount(api);
    const customer = await aUser(api, "CUSTOMER", { accountId: account.id });
    const before = await snapshot(api);
    const cases: [string, Record<string, unknown>, string, string?][] = [
      [reportId, { summary: "" }, "BAD_USER_INPUT"],
      [reportId, { summary: "Fine", rootCause: "Bad\u001b[31m" }, "BAD_USER_INPUT"],
      [reportId, { summary: "Fine", actionItems: ["ok", " "] }, "BAD_USER_INPUT"],
      ["00000000-0000-4000-8000-00000000beef", { summary: "Fine" }, "NOT_FOUND"],
      [reportId, { summary: "Fine" }, "FORBIDDEN", customer.token],
    ];
    for (const [id, input, code, token] of cases)
      expect((await revise(id, input, token)).errors?.[0]?.extensions.code, JSON.stringify(input)).toBe(code);
    expect(await snapshot(api)).toEqual(before);
    expect(await api.sql("SELECT 1 FROM incident_report_revision WHERE report_id = $1", [reportId])).toEqual([]);
  });
});
