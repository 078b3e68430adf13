export { ACCOUNT_READERS, assertActsFor, createAccount } from "./accounts.js";
export { TimeZone } from "./account.types.js";
export { Account } from "./account.entity.js";
export { ProductEnum, ServiceTierEnum } from "./account.enums.js";
export { accountLoaders } from "./account-loaders.js";
export { accountsModule } from "./accounts.module.js";
