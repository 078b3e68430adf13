export { Incident } from "./incident.entity.js";
export { SeverityEnum } from "./incident.enums.js";
export {
  assessImpact,
  postStatusUpdate,
  publishIncidentReport,
  reportIncident,
  reportIncidentIn,
} from "./incidents.js";
export { createIncidentLoaders } from "./incident.loaders.js";
export { createIncidentTemplate } from "./templates/incident-templates.js";
export { incidentSnapshot, isVisibleTo } from "./incident-queries.js";
export { publicImpactOf } from "./publication/incident-publication.js";
export { incidentsModule } from "./incidents.module.js";
