import { randomBytes } from "node:crypto";
import type { TestApi } from "./harness.js";

const suffix = () => randomBytes(4).toString("hex");

export async function anAccount(api: TestApi, name = `Account ${suffix()}`): Promise<{ id: string; name: string }> {
  const data = await api.must(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id name } }`, {
    input: { name, tier: "PREMIUM_SUPPORT", subscriptionStartDate: "2025-01-01", products: ["INCIDENT_MANAGEMENT"] },
  });
  return data.createAccount;
}

export async function aMember(
  api: TestApi,
  role: string,
  options: { accountId?: string; name?: string } = {},
): Promise<{ id: string; token: string; name: string }> {
  const name = options.name ?? `${role.toLowerCase()} ${suffix()}`;
  const data = await api.must(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } token } }`,
    { input: { name, email: `${suffix()}@example.test`, role, accountId: options.accountId ?? null } },
  );
  return { id: data.createUser.user.id, token: data.createUser.token, name };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
