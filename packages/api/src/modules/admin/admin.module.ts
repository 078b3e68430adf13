import type { FeatureModule } from "../../platform/module.js";
import { adminAccess } from "./admin.access.js";
import { UserResolver } from "./admin.resolver.js";
import { ApiToken } from "./api-token.entity.js";
import { Organization } from "./organization.entity.js";
import { User } from "./user.entity.js";

export const adminModule: FeatureModule = {
  name: "admin",
  access: adminAccess,
  resolvers: [UserResolver],
  entities: [Organization, User, ApiToken],
};
