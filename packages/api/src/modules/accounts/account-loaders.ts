import DataLoader from "dataloader";
import { In } from "typeorm";
import { Account, AccountTierChange } from "./account.entity.js";
import { perRequest, type ServiceContext } from "../../platform/context.js";

// Batching only, no caching: a subscription's context may outlive the data.
function createAccountLoaders(ctx: ServiceContext) {
  return {
    account: new DataLoader<string, Account | null>(
      async (ids) => {
        const rows = await ctx.db.getRepository(Account).findBy({ id: In([...ids]) });
        const byId = new Map(rows.map((a) => [a.id, a]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      { cache: false },
    ),
    tierHistory: new DataLoader<string, AccountTierChange[]>(
      async (ids) => {
        const rows = await ctx.db
          .getRepository(AccountTierChange)
          .find({ where: { accountId: In([...ids]) }, order: { effectiveFrom: "ASC", id: "ASC" } });
        return ids.map((id) => rows.filter((r) => r.accountId === id));
      },
      { cache: false },
    ),
  };
}

/** Batches account reads of one request (a page of bookings names a few accounts). */
export const accountLoaders = perRequest(Symbol("account loaders"), createAccountLoaders);
