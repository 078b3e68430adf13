import { describe, expect, test } from "vitest";
import { checkWebhookTarget, isPrivateAddress } from "./target-policy.js";

describe("webhook targets", () => {
  test("private, loopback and link-local addresses are private", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "::1",
      "fd00::1",
      "::ffff:127.0.0.1",
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ["8.8.8.8", "1.1.1.1", "2606:4700::1111"]) expect(isPrivateAddress(a), a).toBe(false);
  });

  test("refused unless the host is allowed", async () => {
    expect(await checkWebhookTarget("http://127.0.0.1:8080/hook", [])).toMatchObject({ allowed: false });
    expect(await checkWebhookTarget("http://[::1]/hook", [])).toMatchObject({ allowed: false });
    expect(await checkWebhookTarget("http://127.0.0.1:8080/hook", ["127.0.0.1"])).toEqual({ allowed: true });
    expect(await checkWebhookTarget("http://10.0.0.5/hook", ["127.0.0.1"])).toMatchObject({ allowed: false });
    expect(await checkWebhookTarget("ftp://8.8.8.8/", [])).toMatchObject({ allowed: false, reason: "must be http(s)" });
    expect(await checkWebhookTarget("https://8.8.8.8/hook", [])).toEqual({ allowed: true });
  });
});
