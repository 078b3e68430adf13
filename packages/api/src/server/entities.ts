import { Account, AccountTierChange } from "../modules/accounts/account.entity.js";
import { ApiToken } from "../modules/admin/api-token.entity.js";
import { Component, ComponentStatusChange } from "../modules/components/component.entity.js";
import { Incident } from "../modules/incidents/incident.entity.js";
import { IncidentReport, IncidentUpdate } from "../modules/incidents/incident-update.entity.js";
import { Organization } from "../modules/admin/organization.entity.js";
import { User } from "../modules/admin/user.entity.js";
import { Ticket, TicketMessage } from "../modules/support/ticket.entity.js";
import { SlaPolicyRow } from "../modules/support/sla-policy.entity.js";
import { Notification, NotificationPreference } from "../modules/notifications/notification.entity.js";
import {
  Escalation,
  EscalationPage,
  EscalationPolicy,
  OncallSchedule,
  ScheduleLayer,
  ScheduleOverride,
} from "../modules/on-call/oncall.entity.js";
import { Alert, Integration, Service } from "../modules/integrations/integration.entity.js";
import { WebhookDelivery, WebhookEndpoint } from "../modules/notifications/webhook.entity.js";
import {
  ScheduledMaintenance,
  ScheduledMaintenanceUpdate,
} from "../modules/maintenance/scheduled-maintenance.entity.js";
import { CseBooking, CseWorkingHours } from "../modules/cse/cse-booking.entity.js";

export const entities = [
  Organization,
  Account,
  User,
  ApiToken,
  Component,
  ComponentStatusChange,
  Incident,
  IncidentUpdate,
  IncidentReport,
  Ticket,
  TicketMessage,
  SlaPolicyRow,
  Notification,
  NotificationPreference,
  OncallSchedule,
  ScheduleLayer,
  ScheduleOverride,
  EscalationPolicy,
  Escalation,
  EscalationPage,
  Service,
  Integration,
  Alert,
  WebhookEndpoint,
  WebhookDelivery,
  ScheduledMaintenance,
  ScheduledMaintenanceUpdate,
  AccountTierChange,
  CseBooking,
  CseWorkingHours,
];
