import { expect, test } from "vitest";
import { isTicketStatus, TICKET_STATUSES } from "./ticket-status.js";

test("statuses are listed in lifecycle order", () => {
  expect(TICKET_STATUSES).toEqual(["NEW", "OPEN", "PENDING_CUSTOMER", "ON_HOLD", "SOLVED", "CLOSED"]);
});

test("only known statuses are accepted", () => {
  expect(isTicketStatus("PENDING_CUSTOMER")).toBe(true);
  expect(isTicketStatus("PENDING")).toBe(false);
});
