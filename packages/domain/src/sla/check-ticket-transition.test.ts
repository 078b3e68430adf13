import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { checkTicketTransition } from "./check-ticket-transition.js";
import { TICKET_STATUSES } from "./ticket-status.js";

describe("checkTicketTransition", () => {
  test("an agent can open a new ticket, ask the customer for details and solve it", () => {
    expect(checkTicketTransition("NEW", "OPEN")).toMatchObject({ allowed: true });
    expect(checkTicketTransition("OPEN", "PENDING_CUSTOMER")).toMatchObject({ allowed: true });
    expect(checkTicketTransition("PENDING_CUSTOMER", "OPEN")).toMatchObject({ allowed: true });
    expect(checkTicketTransition("OPEN", "SOLVED")).toMatchObject({ allowed: true });
  });

  test("a customer reply reopens a solved ticket", () => {
    expect(checkTicketTransition("SOLVED", "OPEN")).toEqual({ allowed: true, from: "SOLVED", to: "OPEN" });
  });

  test("a solved ticket must be reopened before it can wait on the customer again", () => {
    expect(checkTicketTransition("SOLVED", "PENDING_CUSTOMER")).toEqual({
      allowed: false,
      reason: "TRANSITION_NOT_ALLOWED",
      from: "SOLVED",
      to: "PENDING_CUSTOMER",
      allowedTargets: ["OPEN", "CLOSED"],
    });
  });

  test("a closed ticket can no longer change", () => {
    expect(checkTicketTransition("CLOSED", "OPEN")).toMatchObject({
      allowed: false,
      reason: "TICKET_CLOSED",
      allowedTargets: [],
    });
  });

  test("only a solved ticket can be closed", () => {
    expect(checkTicketTransition("OPEN", "CLOSED")).toMatchObject({ allowed: false, reason: "TRANSITION_NOT_ALLOWED" });
    expect(checkTicketTransition("SOLVED", "CLOSED")).toMatchObject({ allowed: true });
  });

  test("setting the status a ticket already has is reported, not silently accepted", () => {
    expect(checkTicketTransition("OPEN", "OPEN")).toMatchObject({ allowed: false, reason: "SAME_STATUS" });
  });

  test("no ticket ever goes back to NEW", () => {
    fc.assert(
      fc.property(fc.constantFrom(...TICKET_STATUSES), (from) => {
        expect(checkTicketTransition(from, "NEW").allowed).toBe(false);
      }),
    );
  });
});
