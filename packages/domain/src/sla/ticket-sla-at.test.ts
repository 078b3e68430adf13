import { describe, expect, test } from "vitest";
import { DEFAULT_SLA_POLICIES } from "./default-sla-policies.js";
import { ticketSlaAt } from "./ticket-sla-at.js";

const at = (iso: string) => new Date(iso);
const facts = {
  policy: DEFAULT_SLA_POLICIES.P1,
  createdAt: at("2025-05-05T10:00:00Z"),
  firstRespondedAt: null,
  lastCustomerMessageAt: null,
  lastAgentResponseAt: null,
  pauses: [],
};

describe("ticketSlaAt", () => {
  test("an open ticket runs its clock", () => {
    expect(ticketSlaAt(facts, null, at("2025-05-05T11:45:00Z"))).toMatchObject({
      firstResponseDueAt: at("2025-05-05T12:00:00Z"),
      atRisk: true,
      breached: false,
    });
  });

  test("a ticket solved in time never breaches later", () => {
    expect(ticketSlaAt(facts, at("2025-05-05T11:00:00Z"), at("2025-05-06T11:00:00Z"))).toEqual({
      firstResponseDueAt: null,
      nextResponseDueAt: null,
      atRisk: false,
      breached: false,
      paused: false,
    });
  });

  test("a ticket solved after its due time stays breached", () => {
    expect(ticketSlaAt(facts, at("2025-05-05T12:30:00Z"), at("2025-05-06T11:00:00Z")).breached).toBe(true);
  });
});
