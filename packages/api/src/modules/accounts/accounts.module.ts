import type { FeatureModule } from "../../platform/module.js";
import { accountsAccess } from "./accounts.access.js";
import { Account, AccountTierChange } from "./account.entity.js";
import { AccountResolver } from "./account.resolver.js";

export const accountsModule: FeatureModule = {
  name: "accounts",
  access: accountsAccess,
  resolvers: [AccountResolver],
  entities: [Account, AccountTierChange],
};
