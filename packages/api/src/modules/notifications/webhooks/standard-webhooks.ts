import { createHmac, randomBytes } from "node:crypto";

/** Signing secrets are stored sealed (platform/secrets.ts) under this purpose; see the migration that sealed old ones. */
export const WEBHOOK_SECRET_PURPOSE = "webhook_endpoint.secret";

/** A new signing secret in the Standard Webhooks format: whsec_ + base64 of 24 random bytes. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/**
 * The Standard Webhooks signature of a message: `v1,` + base64 HMAC-SHA256 over
 * `${id}.${timestamp}.${body}`, keyed with the base64-decoded part of the secret.
 */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const mac = createHmac("sha256", key).update(`${id}.${timestampSeconds}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/** The headers a receiver verifies: webhook-id, webhook-timestamp, webhook-signature. */
export function webhookHeaders(secret: string, id: string, timestampSeconds: number, body: string) {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestampSeconds),
    "webhook-signature": signWebhook(secret, id, timestampSeconds, body),
  };
}
