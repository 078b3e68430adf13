import { createHash, randomBytes } from "node:crypto";

const PREFIX = "lsn_";

/** 32 random bytes, URL-safe; the prefix makes leaked tokens easy to grep for. */
export function generateToken(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function bearerToken(header: string | undefined | null): string | null /* or "malformed" */ {
  if (header === undefined || header === null || header === "") return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : "malformed";
}
