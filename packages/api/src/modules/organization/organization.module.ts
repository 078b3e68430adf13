import type { FeatureModule } from "../../platform/module.js";
import { OrganizationResolver } from "./organization.resolver.js";

export const organizationModule: FeatureModule = {
  name: "organization",
  resolvers: [OrganizationResolver],
  entities: [],
};
