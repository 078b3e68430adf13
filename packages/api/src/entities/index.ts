import { Account, AccountTierChange } from "./account.entity.js";
import { ApiToken } from "./api-token.entity.js";
import { Component, ComponentStatusChange } from "./component.entity.js";
import { Incident } from "./incident.entity.js";
import { IncidentReport, IncidentUpdate } from "./incident-update.entity.js";
import { Organization } from "./organization.entity.js";
import { User } from "./user.entity.js";
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
  ScheduledMaintenance,
  ScheduledMaintenanceUpdate,
  AccountTierChange,
  CseBooking,
  CseWorkingHours,
];
