export { Authenticator, type Credentials } from "./authenticate.js";
export { ConferenceBridge, Organization } from "./organization.entity.js";
export { User } from "./user.entity.js";
export { adminLoaders } from "./admin.loaders.js";
export { adminModule } from "./admin.module.js";
export { calendarOf, getOrganization } from "./organization.js";
export { createUser, ensureAdminToken, setUserManager, setUserTimezone, staffOrFail } from "./users.js";
export { hashToken } from "./tokens.js";
