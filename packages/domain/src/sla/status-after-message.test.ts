import { describe, expect, test } from "vitest";
import { statusAfterMessage } from "./status-after-message.js";

describe("statusAfterMessage", () => {
  test("an agent's first reply opens a new ticket", () => {
    expect(statusAfterMessage("NEW", "AGENT")).toEqual({ allowed: true, status: "OPEN" });
  });

  test("an agent may ask the customer and so pause the clock", () => {
    expect(statusAfterMessage("OPEN", "AGENT", "PENDING_CUSTOMER")).toEqual({
      allowed: true,
      status: "PENDING_CUSTOMER",
    });
  });

  test("an agent's reply keeps the status when none is named", () => {
    expect(statusAfterMessage("ON_HOLD", "AGENT")).toEqual({ allowed: true, status: "ON_HOLD" });
  });

  test("a customer's reply reopens a ticket waiting on them or solved", () => {
    expect(statusAfterMessage("PENDING_CUSTOMER", "CUSTOMER")).toEqual({ allowed: true, status: "OPEN" });
    expect(statusAfterMessage("SOLVED", "CUSTOMER")).toEqual({ allowed: true, status: "OPEN" });
    expect(statusAfterMessage("NEW", "CUSTOMER")).toEqual({ allowed: true, status: "NEW" });
  });

  test("a closed ticket takes no messages", () => {
    expect(statusAfterMessage("CLOSED", "CUSTOMER")).toMatchObject({ allowed: false, reason: "TICKET_CLOSED" });
    expect(statusAfterMessage("CLOSED", "AGENT")).toMatchObject({ allowed: false, reason: "TICKET_CLOSED" });
  });

  test("an agent cannot send a ticket back to NEW", () => {
    expect(statusAfterMessage("OPEN", "AGENT", "NEW")).toMatchObject({
      allowed: false,
      reason: "TRANSITION_NOT_ALLOWED",
    });
  });
});
