export { createIntegration, createService } from "./alerts.js";
export { integrationsModule } from "./integrations.module.js";
