import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

// Loopback, private, link-local, carrier-grade NAT, unspecified and unique-local ranges.
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv6");

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1]!, "ipv4");
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? "ipv4" : "ipv6");
}

export type TargetDecision = { allowed: true } | { allowed: false; reason: string };

/**
 * Webhooks may not reach into our own network: a URL whose host is (or resolves to) a private
 * or loopback address is refused, unless that host is explicitly allowed. Checked when the
 * endpoint is created and again before each delivery, as DNS answers can change.
 */
export async function checkWebhookTarget(url: string, allowedHosts: readonly string[]): Promise<TargetDecision> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { allowed: false, reason: "is not a URL" };
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return { allowed: false, reason: "must be http(s)" };
  if (parsed.username || parsed.password) return { allowed: false, reason: "must not carry credentials" };
  const host = parsed.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));
  if (allowed.has(host)) return { allowed: true };
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return { allowed: false, reason: `host ${host} does not resolve` };
  }
  const refused = addresses.find((a) => isPrivateAddress(a) && !allowed.has(a));
  if (refused) return { allowed: false, reason: `private and loopback addresses are refused (${refused})` };
  return { allowed: true };
}
