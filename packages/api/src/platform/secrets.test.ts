import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { SecretBox, SecretUnreadableError } from "./secrets.js";

describe("secrets sealed at rest", () => {
  const box = new SecretBox(randomBytes(32));
  const secret = "whsec_c2lnbmluZy1rZXktZm9yLXRoZS10ZXN0";

  test("a sealed secret opens to itself, and sealing twice gives two different envelopes (a nonce each)", () => {
    const a = box.seal(secret, "webhook_endpoint.secret");
    const b = box.seal(secret, "webhook_endpoint.secret");
    expect(a).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret.slice("whsec_".length));
    expect(box.open(a, "webhook_endpoint.secret")).toBe(secret);
  });

  test("another key, another purpose or a changed byte cannot open it", () => {
    const sealed = box.seal(secret, "webhook_endpoint.secret");
    expect(() => new SecretBox(randomBytes(32)).open(sealed, "webhook_endpoint.secret")).toThrow(SecretUnreadableError);
    expect(() => box.open(sealed, "another.secret")).toThrow(SecretUnreadableError);
    const [version, nonce, body] = sealed.split(":");
    const flipped = Buffer.from(body!, "base64");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open(`${version}:${nonce}:${flipped.toString("base64")}`, "webhook_endpoint.secret")).toThrow(
      SecretUnreadableError,
    );
    expect(() => box.open(secret, "webhook_endpoint.secret")).toThrow(SecretUnreadableError);
  });
});
