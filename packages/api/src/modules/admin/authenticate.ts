import type { DataSource } from "typeorm";
import { UnauthenticatedError } from "../../platform/errors.js";
import type { Role } from "../../platform/access/roles.js";
import { bearerToken, hashToken } from "./tokens.js";
import type { Viewer } from "../../platform/access/viewer.js";

const TTL_MS = 30_000;

/** A signed-in caller and the token they used. */
export interface Credentials {
  viewer: Viewer;
  tokenId: string;
}

/** Resolves bearer tokens to viewers, with a short cache that revocation clears. */
export class Authenticator {
  private cache = new Map<string, { credentials: Credentials; expires: number }>();

  constructor(
    private readonly db: DataSource,
    private readonly now: () => number,
  ) {}

  async fromHeader(header: string | undefined | null): Promise<Viewer | null> {
    return (await this.identify(header))?.viewer ?? null;
  }

  /**
   * The viewer and token id of an Authorization header; null without one, UNAUTHENTICATED for a bad one.
   * `fresh` asks the database even when cached (a revocation in another process may not have arrived yet).
   */
  async identify(header: string | undefined | null, options: { fresh?: boolean } = {}): Promise<Credentials | null> {
    const token = bearerToken(header);
    if (token === null) return null;
    if (token === "malformed") throw new UnauthenticatedError("The Authorization header must be 'Bearer <token>'");
    const hash = hashToken(token);
    const hit = this.cache.get(hash);
    if (hit && hit.expires > this.now() && !options.fresh) return hit.credentials;
    const rows: { token_id: string; user_id: string; role: Role; account_id: string | null }[] = await this.db.query(
      `SELECT t.id AS token_id, u.id AS user_id, u.role, u.account_id
         FROM api_token t JOIN app_user u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
      [hash],
    );
    const row = rows[0];
    if (!row) throw new UnauthenticatedError("The bearer token is invalid or revoked");
    const credentials: Credentials = {
      viewer: { userId: row.user_id, role: row.role, accountId: row.account_id },
      tokenId: row.token_id,
    };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { credentials, expires: this.now() + TTL_MS });
    return credentials;
  }

  forget(): void {
    this.cache.clear();
  }
}
