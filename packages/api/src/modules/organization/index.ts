export { organizationModule } from "./organization.module.js";
export { updateOrganization } from "./organization.js";
