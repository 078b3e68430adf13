import type { EntityManager } from "typeorm";

/**
 * Claims a timer's work in the handler's transaction: true for the first claim only. A job run
 * twice (a retry after a crash, a second process) finds the claim and does nothing.
 */
export async function claimTimer(tx: EntityManager, key: string, at: Date, outcome: string): Promise<boolean> {
  const rows: unknown[] = await tx.query(
    "INSERT INTO fired_reminder (key, fired_at, outcome) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING RETURNING key",
    [key, at, outcome],
  );
  return rows.length === 1;
}
