import DataLoader from "dataloader";
import { In } from "typeorm";
import { perRequest } from "../../platform/context.js";
import { ORGANIZATION_ID } from "../../platform/validation.js";
import { Organization } from "./organization.entity.js";
import { User } from "./user.entity.js";

/** Per-request batching of people and the organization: one query per request, never one per row. */
export const adminLoaders = perRequest(Symbol("admin loaders"), ({ db, request }) => {
  // A subscription's context lives as long as the subscription: batch, but never cache.
  const cache = request.cache;
  let organization: Promise<Organization> | null = null;
  const loadOrganization = () => db.getRepository(Organization).findOneByOrFail({ id: ORGANIZATION_ID });
  return {
    organization: () => (cache ? (organization ??= loadOrganization()) : loadOrganization()),
    user: new DataLoader<string, User | null>(
      async (ids) => {
        const rows = await db.getRepository(User).findBy({ id: In([...ids]) });
        const byId = new Map(rows.map((u) => [u.id, u]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      { cache },
    ),
  };
});
