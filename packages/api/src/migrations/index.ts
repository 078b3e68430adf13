import { InitialSchema1767225600000 } from "./1767225600000-initial-schema.js";
import { AddCseBookings1767312000000 } from "./1767312000000-add-cse-bookings.js";
import { AddScheduledMaintenance1767398400000 } from "./1767398400000-add-scheduled-maintenance.js";
import { AddTicketsAndSlaPolicies1767484800000 } from "./1767484800000-add-tickets-and-sla-policies.js";
import { AddDurableTimersAndNotifications1767484800001 } from "./1767484800001-add-durable-timers-and-notifications.js";
import { AddOnCallAndEscalation1767484800002 } from "./1767484800002-add-on-call-and-escalation.js";
import { AddServicesIntegrationsAndAlerts1767484800003 } from "./1767484800003-add-services-integrations-and-alerts.js";
import { AddWebhookEndpointsAndDeliveries1767484800004 } from "./1767484800004-add-webhook-endpoints-and-deliveries.js";
import { AddRateLimit1767571100000 } from "./1767571100000-add-rate-limit.js";
import { EncryptWebhookSecrets1767571200000 } from "./1767571200000-encrypt-webhook-secrets.js";
import { AddIncidentCorrections1767657600001 } from "./1767657600001-add-incident-corrections.js";
import { AddIncidentTemplates1767657600002 } from "./1767657600002-add-incident-templates.js";
import { AddUserTimezone1767657600003 } from "./1767657600003-add-user-timezone.js";
import { AddPublicIncidentsPlaybookAndTimeline1767571200001 } from "./1767571200001-add-public-incidents-playbook-and-timeline.js";
import { AddMaintenanceAutomation1767744000006 } from "./1767744000006-add-maintenance-automation.js";
import { AddChangeEvents1767744000002 } from "./1767744000002-add-change-events.js";

/** In order; each file is named for what it changes. */
export const migrations = [
  InitialSchema1767225600000,
  AddCseBookings1767312000000,
  AddScheduledMaintenance1767398400000,
  AddTicketsAndSlaPolicies1767484800000,
  AddDurableTimersAndNotifications1767484800001,
  AddOnCallAndEscalation1767484800002,
  AddServicesIntegrationsAndAlerts1767484800003,
  AddWebhookEndpointsAndDeliveries1767484800004,
  AddRateLimit1767571100000,
  EncryptWebhookSecrets1767571200000,
  AddIncidentCorrections1767657600001,
  AddIncidentTemplates1767657600002,
  AddUserTimezone1767657600003,
  AddPublicIncidentsPlaybookAndTimeline1767571200001,
  AddMaintenanceAutomation1767744000006,
  AddChangeEvents1767744000002,
];
