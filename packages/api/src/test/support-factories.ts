import { randomBytes } from "node:crypto";
import type { TestApi } from "./harness.js";

const suffix = () => randomBytes(4).toString("hex");

/** Accounts are inserted directly: their administration belongs to another part of the API. */
export async function anAccount(api: TestApi, name = `Account ${suffix()}`): Promise<{ id: string; name: string }> {
  const [row] = await api.sql<{ id: string }>(
    `INSERT INTO account (name, tier, subscription_start_date, products) VALUES ($1, 'PREMIUM_SUPPORT', '2025-01-01', '{}') RETURNING id`,
    [name],
  );
  return { id: row!.id, name };
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
