import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { computeSla, type SlaTicketFacts } from "./compute-sla.js";
import { DEFAULT_SLA_POLICIES } from "./default-sla-policies.js";

const at = (iso: string) => new Date(iso);
const aTicket = (overrides: Partial<SlaTicketFacts> = {}): SlaTicketFacts => ({
  policy: DEFAULT_SLA_POLICIES.P1,
  createdAt: at("2025-05-05T10:00:00Z"),
  firstRespondedAt: null,
  lastCustomerMessageAt: at("2025-05-05T10:00:00Z"),
  lastAgentResponseAt: null,
  pauses: [],
  ...overrides,
});

describe("computeSla", () => {
  test("an unanswered P1 is due two hours after it was opened", () => {
    expect(computeSla(aTicket(), at("2025-05-05T10:05:00Z"))).toEqual({
      firstResponseDueAt: at("2025-05-05T12:00:00Z"),
      nextResponseDueAt: null,
      atRisk: false,
      breached: false,
      paused: false,
    });
  });

  test("a ticket within 30 minutes of its due time is at risk", () => {
    expect(computeSla(aTicket(), at("2025-05-05T11:29:59Z")).atRisk).toBe(false);
    expect(computeSla(aTicket(), at("2025-05-05T11:30:00Z")).atRisk).toBe(true);
    expect(computeSla(aTicket(), at("2025-05-05T11:45:00Z"), 10).atRisk).toBe(false);
  });

  test("answering exactly at the due time is on time; a second later is a breach", () => {
    expect(computeSla(aTicket(), at("2025-05-05T12:00:00Z"))).toMatchObject({ breached: false, atRisk: true });
    expect(computeSla(aTicket(), at("2025-05-05T12:00:01Z"))).toMatchObject({ breached: true, atRisk: false });
  });

  test("a first response clears the due time", () => {
    const answered = aTicket({
      firstRespondedAt: at("2025-05-05T10:40:00Z"),
      lastAgentResponseAt: at("2025-05-05T10:40:00Z"),
    });
    expect(computeSla(answered, at("2025-05-05T15:00:00Z"))).toMatchObject({
      firstResponseDueAt: null,
      breached: false,
    });
  });

  test("a late first response stays a breach after it is given", () => {
    const late = aTicket({
      firstRespondedAt: at("2025-05-05T12:30:00Z"),
      lastAgentResponseAt: at("2025-05-05T12:30:00Z"),
    });
    expect(computeSla(late, at("2025-05-06T09:00:00Z"))).toMatchObject({ firstResponseDueAt: null, breached: true });
  });

  test("a customer follow-up starts the next-response clock", () => {
    const followedUp = aTicket({
      firstRespondedAt: at("2025-05-05T10:30:00Z"),
      lastAgentResponseAt: at("2025-05-05T10:30:00Z"),
      lastCustomerMessageAt: at("2025-05-05T11:00:00Z"),
    });
    expect(computeSla(followedUp, at("2025-05-05T11:10:00Z"))).toMatchObject({
      firstResponseDueAt: null,
      nextResponseDueAt: at("2025-05-05T12:00:00Z"), // P1 follow-ups within 60 minutes
      breached: false,
      atRisk: false,
    });
    expect(computeSla(followedUp, at("2025-05-05T12:01:00Z")).breached).toBe(true);
  });

  test("an agent reply after the follow-up stops the next-response clock", () => {
    const replied = aTicket({
      firstRespondedAt: at("2025-05-05T10:30:00Z"),
      lastCustomerMessageAt: at("2025-05-05T11:00:00Z"),
      lastAgentResponseAt: at("2025-05-05T11:20:00Z"),
    });
    expect(computeSla(replied, at("2025-05-05T18:00:00Z"))).toMatchObject({ nextResponseDueAt: null, breached: false });
  });

  test("waiting on the customer stops the clock and pushes the due time back", () => {
    const waited = aTicket({ pauses: [{ from: at("2025-05-05T10:30:00Z"), to: at("2025-05-05T11:15:00Z") }] });
    expect(computeSla(waited, at("2025-05-05T12:10:00Z"))).toMatchObject({
      firstResponseDueAt: at("2025-05-05T12:45:00Z"),
      paused: false,
      breached: false,
    });
  });

  test("while the customer still has to reply, the ticket is paused and never at risk", () => {
    const waiting = aTicket({ pauses: [{ from: at("2025-05-05T11:00:00Z"), to: null }] });
    // An hour of the two had been used; the due time shows the hour left once the clock restarts.
    expect(computeSla(waiting, at("2025-05-05T15:00:00Z"))).toEqual({
      firstResponseDueAt: at("2025-05-05T16:00:00Z"),
      nextResponseDueAt: null,
      atRisk: false,
      breached: false,
      paused: true,
    });
  });

  test("a pause cannot undo a breach that happened before it", () => {
    const tooLate = aTicket({ pauses: [{ from: at("2025-05-05T13:00:00Z"), to: null }] });
    expect(computeSla(tooLate, at("2025-05-05T14:00:00Z"))).toMatchObject({ breached: true, paused: true });
  });

  test("a P3 raised on Friday afternoon is due within the next business day", () => {
    const p3 = aTicket({ policy: DEFAULT_SLA_POLICIES.P3, createdAt: at("2025-05-09T16:00:00Z") });
    // 1 h left on Friday (16:00–17:00 UTC) + 7 h on Monday from 09:00.
    expect(computeSla(p3, at("2025-05-09T16:00:00Z")).firstResponseDueAt).toEqual(at("2025-05-12T16:00:00Z"));
  });

  test("a P3 with 20 working minutes left at Friday closing is flagged before the weekend", () => {
    const p3 = aTicket({ policy: DEFAULT_SLA_POLICIES.P3, createdAt: at("2025-05-09T09:10:00Z") });
    expect(computeSla(p3, at("2025-05-09T16:50:00Z"))).toMatchObject({
      firstResponseDueAt: at("2025-05-12T09:10:00Z"),
      atRisk: true,
      breached: false,
    });
  });

  test("a 24x7 P1 first response is due exactly 120 minutes after creation", () => {
    const instant = fc.integer({ min: Date.parse("2020-01-01T00:00:00Z"), max: Date.parse("2030-01-01T00:00:00Z") });
    fc.assert(
      fc.property(instant, fc.nat(10_000_000), (created, sinceMs) => {
        const createdAt = new Date(created);
        const state = computeSla(aTicket({ createdAt, lastCustomerMessageAt: createdAt }), new Date(created + sinceMs));
        expect(state.firstResponseDueAt).toEqual(new Date(created + 120 * 60_000));
      }),
    );
  });

  test("a ticket is never both at risk and breached", () => {
    const minute = fc
      .integer({ min: 0, max: 600 })
      .map((m) => new Date(Date.parse("2025-05-05T10:00:00Z") + m * 60_000));
    fc.assert(
      fc.property(minute, fc.option(minute, { nil: null }), (now, respondedAt) => {
        const state = computeSla(aTicket({ firstRespondedAt: respondedAt, lastAgentResponseAt: respondedAt }), now);
        expect(state.atRisk && state.breached).toBe(false);
      }),
    );
  });
});
