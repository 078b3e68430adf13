import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApi, type TestApi } from "../../test/harness.js";
import { aCse, aCustomer, anAccount, book, next } from "../../test/cse-fixtures.js";

let api: TestApi;
let cse: { id: string; name: string; token: string };
let account: { id: string };
let customer: { token: string; name: string };
beforeAll(async () => {
  api = await startTestApi();
  cse = await aCse(api);
  account = await anAccount(api, { name: "Globex" });
  customer = await aCustomer(api, account.id);
});
afterAll(() => api?.close());

function download(path: string, token: string | null) {
  return fetch(`${api.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

/** Unfolds iCalendar content lines (RFC 5545 §3.1) so properties can be read whole. */
function lines(ics: string): string[] {
  return ics
    .replace(/\r?\n[ \t]/g, "")
    .split(/\r?\n/)
    .filter(Boolean);
}

const basic = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

describe("GET /bookings/:id.ics", () => {
  test("a booking downloads as an iCalendar invitation from its CSE", async () => {
    const startsAt = next(api, 2, "14:00");
    const booked = await book(
      api,
      { accountId: account.id, activity: "INTEGRATION_CONSULTATION", startsAt, notes: "Jira and ServiceNow" },
      customer.token,
    );
    const booking = booked.data!.bookSession;
    const res = await download(booking.calendarUrl, customer.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="booking-${booking.id}.ics"`);
    const props = lines(await res.text());
    expect(props[0]).toBe("BEGIN:VCALENDAR");
    expect(props).toContain("METHOD:REQUEST");
    expect(props).toContain(`UID:${booking.id}-session@liaison`);
    expect(props).toContain(`DTSTART:${basic(startsAt)}`);
    expect(props).toContain(`DTEND:${basic(new Date(startsAt.getTime() + 30 * 60_000))}`);
    expect(props).toContain("STATUS:CONFIRMED");
    expect(props).toContain("SEQUENCE:0");
    expect(props).toContain(`SUMMARY:Integration Consultations with ${cse.name}`);
    expect(props.find((p) => p.startsWith("ORGANIZER"))).toContain(`CN="${cse.name}"`);
    expect(props.find((p) => p.startsWith("ATTENDEE"))).toContain(`CN="${customer.name}"`);
    expect(props.find((p) => p.startsWith("DESCRIPTION"))).toContain("Notes: Jira and ServiceNow");
  });

  test("an Incident Lifecycle Assessment has two events: the discovery and the follow-up", async () => {
    const booked = await book(api, {
      accountId: account.id,
      activity: "INCIDENT_LIFECYCLE_ASSESSMENT",
      startsAt: next(api, 3, "09:00"),
      followUpStartsAt: next(api, 3, "15:00"),
    });
    const props = lines(await (await download(booked.data!.bookSession.calendarUrl, api.adminToken)).text());
    expect(props.filter((p) => p === "BEGIN:VEVENT")).toHaveLength(2);
    expect(props.filter((p) => p.startsWith("SUMMARY:"))).toEqual([
      `SUMMARY:Incident Lifecycle Assessments (discovery) with ${cse.name}`,
      `SUMMARY:Incident Lifecycle Assessments (follow-up) with ${cse.name}`,
    ]);
  });

  test("a cancelled booking's file cancels the invitation", async () => {
    const booked = await book(
      api,
      { accountId: account.id, activity: "PRODUCT_ROADMAP_SESSION", startsAt: next(api, 4, "10:00") },
      customer.token,
    );
    const booking = booked.data!.bookSession;
    await api.must(`mutation($id: ID!) { cancelBooking(bookingId: $id) { id } }`, { id: booking.id }, customer.token);
    const props = lines(await (await download(booking.calendarUrl, customer.token)).text());
    expect(props).toContain("METHOD:CANCEL");
    expect(props).toContain("STATUS:CANCELLED");
    expect(props).toContain("SEQUENCE:1");
    expect(props).toContain(`UID:${booking.id}-session@liaison`);
  });

  test("is authorised like the booking: a token is needed, and another customer's booking is not found", async () => {
    const booked = await book(api, {
      accountId: account.id,
      activity: "MATURITY_ASSESSMENT",
      startsAt: next(api, 5, "11:00"),
    });
    const path = booked.data!.bookSession.calendarUrl;
    const anonymous = await download(path, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toBe("Bearer");
    expect((await download(path, "lsn_not-a-real-token")).status).toBe(401);
    const stranger = await aCustomer(api, (await anAccount(api)).id);
    const hidden = await download(path, stranger.token);
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toMatchObject({ errors: [{ extensions: { code: "NOT_FOUND" } }] });
    expect((await download("/bookings/00000000-0000-4000-8000-000000000404.ics", api.adminToken)).status).toBe(404);
    expect((await download(path, cse.token)).status).toBe(200);
  });
});
