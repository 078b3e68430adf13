import type { FeatureModule } from "../../platform/module.js";
import { Account, AccountTierChange } from "./account.entity.js";
import { AccountResolver } from "./account.resolver.js";

export const accountsModule: FeatureModule = {
  name: "accounts",
  resolvers: [AccountResolver],
  entities: [Account, AccountTierChange],
};
