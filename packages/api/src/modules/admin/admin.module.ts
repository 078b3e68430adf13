import type { FeatureModule } from "../../platform/module.js";
import { UserResolver } from "./admin.resolver.js";
import { ApiToken } from "./api-token.entity.js";
import { Organization } from "./organization.entity.js";
import { User } from "./user.entity.js";

export const adminModule: FeatureModule = {
  name: "admin",
  resolvers: [UserResolver],
  entities: [Organization, User, ApiToken],
};
