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
export { incidentSnapshot } from "./incident-queries.js";
export { incidentsModule } from "./incidents.module.js";
