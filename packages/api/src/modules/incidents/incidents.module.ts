import type { FeatureModule } from "../../platform/module.js";
import { incidentsAccess } from "./incidents.access.js";
import { QUEUES } from "../../platform/timers/queues.js";
import { CadenceResolver } from "./cadence/cadence.resolver.js";
import { runCadenceTimer } from "./cadence/cadence-timers.js";
import { IncidentReport, IncidentUpdate } from "./incident-update.entity.js";
import { Incident } from "./incident.entity.js";
import { IncidentResolver } from "./incident.resolver.js";
import { ComponentStatusSnapshotResolver } from "./component-status-snapshot.resolver.js";
import { IncidentReportRevision, IncidentUpdateRevision } from "./corrections/incident-revision.entity.js";
import { IncidentTemplate } from "./templates/incident-template.entity.js";
import { IncidentTemplateResolver } from "./templates/incident-template.resolver.js";
import {
  IncidentReportCorrectionResolver,
  IncidentUpdateCorrectionResolver,
  ReportRevisionResolver,
  UpdateRevisionResolver,
} from "./corrections/incident-corrections.resolver.js";
import { IncidentCustomersResolver } from "./publication/incident-customers.resolver.js";
import { IncidentPublicationResolver } from "./publication/incident-publication.resolver.js";
import { IncidentTimelineEntryResolver, IncidentTimelineResolver } from "./playbook/incident-timeline.resolver.js";
import { IncidentTimelineEntry } from "./playbook/incident-timeline.entity.js";

export const incidentsModule: FeatureModule = {
  name: "incidents",
  access: incidentsAccess,
  resolvers: [
    IncidentResolver,
    CadenceResolver,
    ComponentStatusSnapshotResolver,
    IncidentUpdateCorrectionResolver,
    IncidentReportCorrectionResolver,
    UpdateRevisionResolver,
    ReportRevisionResolver,
    IncidentTemplateResolver,
    IncidentPublicationResolver,
    IncidentCustomersResolver,
    IncidentTimelineResolver,
    IncidentTimelineEntryResolver,
  ],
  entities: [
    Incident,
    IncidentUpdate,
    IncidentReport,
    IncidentUpdateRevision,
    IncidentReportRevision,
    IncidentTemplate,
    IncidentTimelineEntry,
  ],
  timers: { [QUEUES.cadence]: runCadenceTimer },
};
