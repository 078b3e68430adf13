import type { FeatureModule, TimerHandler } from "../../platform/module.js";
import { incidentsAccess } from "./incidents.access.js";
import { QUEUES } from "../../platform/timers/queues.js";
import { CadenceResolver } from "./cadence.resolver.js";
import { runCadenceTimer } from "./cadence-timers.js";
import { IncidentReport, IncidentUpdate } from "./incident-update.entity.js";
import { Incident } from "./incident.entity.js";
import { IncidentResolver } from "./incident.resolver.js";
import { IncidentCustomersResolver } from "./incident-customers.resolver.js";
import { IncidentPublicationResolver } from "./incident-publication.resolver.js";
import { IncidentTimelineEntryResolver, IncidentTimelineResolver } from "./incident-timeline.resolver.js";
import { IncidentTimelineEntry } from "./incident-timeline.entity.js";

export const incidentsModule: FeatureModule = {
  name: "incidents",
  access: incidentsAccess,
  resolvers: [
    IncidentResolver,
    CadenceResolver,
    IncidentPublicationResolver,
    IncidentCustomersResolver,
    IncidentTimelineResolver,
    IncidentTimelineEntryResolver,
  ],
  entities: [Incident, IncidentUpdate, IncidentReport, IncidentTimelineEntry],
  timers: { [QUEUES.cadence]: runCadenceTimer as TimerHandler },
};
