import DataLoader from "dataloader";
import { In } from "typeorm";
import { perRequest } from "../../platform/context.js";
import { Component } from "./component.entity.js";

/** Per-request batching of component reads: a timeline names its components once, not once per update. */
export const componentLoaders = perRequest(Symbol("component loaders"), ({ db, request }) => ({
  // A subscription's context lives as long as the subscription: batch, but never cache.
  component: new DataLoader<string, Component | null>(
    async (ids) => {
      const rows = await db.getRepository(Component).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((c) => [c.id, c]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { cache: request.cache },
  ),
}));
