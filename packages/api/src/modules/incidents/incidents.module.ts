import type { FeatureModule, TimerHandler } from "../../platform/module.js";
import { incidentsAccess } from "./incidents.access.js";
import { QUEUES } from "../../platform/timers/queues.js";
import { CadenceResolver } from "./cadence.resolver.js";
import { runCadenceTimer } from "./cadence-timers.js";
import { IncidentReport, IncidentUpdate } from "./incident-update.entity.js";
import { Incident } from "./incident.entity.js";
import { IncidentResolver } from "./incident.resolver.js";

export const incidentsModule: FeatureModule = {
  name: "incidents",
  access: incidentsAccess,
  resolvers: [IncidentResolver, CadenceResolver],
  entities: [Incident, IncidentUpdate, IncidentReport],
  timers: { [QUEUES.cadence]: runCadenceTimer as TimerHandler },
};
