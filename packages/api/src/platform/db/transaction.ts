import type { DataSource, EntityManager } from "typeorm";

/**
 * Runs `work` in one transaction: the caller's when it passes one that is open (so a use case
 * composed of others commits or rolls back as a whole), else a new one.
 */
export function inTransaction<T>(
  ctx: { db: DataSource },
  work: (tx: EntityManager) => Promise<T>,
  outer?: EntityManager | null,
): Promise<T> {
  if (outer?.queryRunner?.isTransactionActive) return work(outer);
  return ctx.db.transaction(work);
}
