import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const ENVELOPE = /^v1:([A-Za-z0-9+/]+={0,2}):([A-Za-z0-9+/]+={0,2})$/;

/** A stored secret could not be opened: not an envelope, or sealed with another SECRETS_KEY. */
export class SecretUnreadableError extends Error {
  override name = "SecretUnreadableError";
}

/**
 * Secrets at rest: AES-256-GCM under SECRETS_KEY with a random nonce per secret, stored as
 * `v1:<nonce>:<ciphertext+tag>` (base64). `purpose` is bound in as associated data, so a
 * secret sealed for one column cannot be passed off as another's.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error("SECRETS_KEY must be 32 bytes");
  }

  seal(plaintext: string, purpose: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, nonce);
    cipher.setAAD(Buffer.from(purpose, "utf8"));
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
    return `v1:${nonce.toString("base64")}:${body.toString("base64")}`;
  }

  open(envelope: string, purpose: string): string {
    const match = ENVELOPE.exec(envelope);
    if (!match) throw new SecretUnreadableError(`a stored ${purpose} is not a v1 envelope`);
    const nonce = Buffer.from(match[1]!, "base64");
    const body = Buffer.from(match[2]!, "base64");
    if (nonce.length !== NONCE_BYTES || body.length < TAG_BYTES)
      throw new SecretUnreadableError(`a stored ${purpose} is not a v1 envelope`);
    const decipher = createDecipheriv("aes-256-gcm", this.key, nonce);
    decipher.setAAD(Buffer.from(purpose, "utf8"));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString(
        "utf8",
      );
    } catch {
      throw new SecretUnreadableError(`a stored ${purpose} cannot be decrypted with this SECRETS_KEY`);
    }
  }
}
