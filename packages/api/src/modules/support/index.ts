export { Escalation } from "./escalation/escalation.entity.js";
export { Ticket } from "./ticket.entity.js";
export { TicketPriorityEnum } from "./support.enums.js";
export { acknowledgeEscalationOf } from "./escalation/escalations.js";
export { openTicket, openTicketIn, respondToTicket, updateTicket } from "./tickets.js";
export { supportModule } from "./support.module.js";
