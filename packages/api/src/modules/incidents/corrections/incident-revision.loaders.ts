import DataLoader from "dataloader";
import { In } from "typeorm";
import { perRequest } from "../../../platform/context.js";
import { IncidentReportRevision, IncidentUpdateRevision } from "./incident-revision.entity.js";

function grouped<T>(ids: readonly string[], rows: T[], key: (row: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return ids.map((id) => map.get(id) ?? []);
}

/** This request's loaders of earlier texts, oldest first: one query per kind, never one per row. */
export const revisionLoaders = perRequest(Symbol("incident revision loaders"), ({ db, request }) => ({
  ofUpdate: new DataLoader<string, IncidentUpdateRevision[]>(
    async (ids) =>
      grouped(
        ids,
        await db
          .getRepository(IncidentUpdateRevision)
          .find({ where: { updateId: In([...ids]) }, order: { editedAt: "ASC", id: "ASC" } }),
        (r) => r.updateId,
      ),
    { cache: request.cache },
  ),
  ofReport: new DataLoader<string, IncidentReportRevision[]>(
    async (ids) =>
      grouped(
        ids,
        await db
          .getRepository(IncidentReportRevision)
          .find({ where: { reportId: In([...ids]) }, order: { revisedAt: "ASC", id: "ASC" } }),
        (r) => r.reportId,
      ),
    { cache: request.cache },
  ),
}));
