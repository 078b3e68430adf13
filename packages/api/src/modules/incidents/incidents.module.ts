import type { FeatureModule } from "../../platform/module.js";
import { incidentsAccess } from "./incidents.access.js";
import { QUEUES } from "../../platform/timers/queues.js";
import { CadenceResolver } from "./cadence/cadence.resolver.js";
import { runCadenceTimer } from "./cadence/cadence-timers.js";
import { IncidentReport, IncidentUpdate } from "./incident-update.entity.js";
import { Incident } from "./incident.entity.js";
import { IncidentResolver } from "./incident.resolver.js";
import { IncidentReportRevision, IncidentUpdateRevision } from "./corrections/incident-revision.entity.js";
import { IncidentTemplate } from "./templates/incident-template.entity.js";
import { IncidentTemplateResolver } from "./templates/incident-template.resolver.js";
import {
  IncidentReportCorrectionResolver,
  IncidentUpdateCorrectionResolver,
  ReportRevisionResolver,
  UpdateRevisionResolver,
} from "./corrections/incident-corrections.resolver.js";

export const incidentsModule: FeatureModule = {
  name: "incidents",
  access: incidentsAccess,
  resolvers: [
    IncidentResolver,
    CadenceResolver,
    IncidentUpdateCorrectionResolver,
    IncidentReportCorrectionResolver,
    UpdateRevisionResolver,
    ReportRevisionResolver,
    IncidentTemplateResolver,
  ],
  entities: [
    Incident,
    IncidentUpdate,
    IncidentReport,
    IncidentUpdateRevision,
    IncidentReportRevision,
    IncidentTemplate,
  ],
  timers: { [QUEUES.cadence]: runCadenceTimer },
};
