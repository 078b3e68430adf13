import type { AccessRules } from "../../platform/access/audience.js";

/**
 * What a CUSTOMER sees of their own tickets: what a requester of a support desk sees — subject,
 * status, priority, SLA due times, public replies, the linked incident's public view. Never
 * internal notes (filtered in `messages`), escalations, policies, pages or SLA targets.
 */
export const supportAccess: AccessRules = {
  Ticket: {
    id: "CUSTOMER",
    number: "CUSTOMER",
    subject: "CUSTOMER",
    description: "CUSTOMER",
    priority: "CUSTOMER",
    status: "CUSTOMER",
    source: "CUSTOMER",
    createdAt: "CUSTOMER",
    firstRespondedAt: "CUSTOMER",
    lastAgentResponseAt: "CUSTOMER",
    lastCustomerMessageAt: "CUSTOMER",
    solvedAt: "CUSTOMER",
    updatedAt: "CUSTOMER",
    account: "CUSTOMER",
    incident: "CUSTOMER",
    requester: "CUSTOMER",
    assignee: "CUSTOMER",
    sla: "CUSTOMER",
    messages: "CUSTOMER",
    slaFirstResponseMinutes: "STAFF",
    escalations: "STAFF",
  },
  TicketSla: {
    firstResponseDueAt: "CUSTOMER",
    nextResponseDueAt: "CUSTOMER",
    atRisk: "CUSTOMER",
    breached: "CUSTOMER",
    paused: "CUSTOMER",
  },
  TicketMessage: {
    id: "CUSTOMER",
    authorKind: "CUSTOMER",
    body: "CUSTOMER",
    internal: "CUSTOMER",
    createdAt: "CUSTOMER",
  },
};
