import { Account, AccountTierChange } from "./account.entity.js";
import { ApiToken } from "./api-token.entity.js";
import { Component, ComponentStatusChange } from "./component.entity.js";
import { Incident } from "./incident.entity.js";
import { IncidentReport, IncidentUpdate } from "./incident-update.entity.js";
import { Organization } from "./organization.entity.js";
import { User } from "./user.entity.js";
import { Ticket, TicketMessage } from "./ticket.entity.js";
import { SlaPolicyRow } from "./sla-policy.entity.js";
import { Notification, NotificationPreference } from "./notification.entity.js";
import {
  Escalation,
  EscalationPage,
  EscalationPolicy,
  OncallSchedule,
  ScheduleLayer,
  ScheduleOverride,
} from "./oncall.entity.js";
import { Alert, Integration, Service } from "./integration.entity.js";
import { WebhookDelivery, WebhookEndpoint } from "./webhook.entity.js";
import { ScheduledMaintenance, ScheduledMaintenanceUpdate } from "./scheduled-maintenance.entity.js";
import { CseBooking, CseWorkingHours } from "./cse-booking.entity.js";

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
