// Subscribing to the page's updates: the form's fields, the API's answers, in words a visitor reads.
import { ApiError, ApiUnavailableError, graphql } from "./api.js";

export type SubscribeField = "email" | "webhookUrl" | "componentIds" | "form";

/** What the visitor typed: given back unchanged when something is wrong. */
export interface SubscribeForm {
  email: string;
  webhookUrl: string;
  componentIds: string[];
}

export const EMPTY_FORM: SubscribeForm = { email: "", webhookUrl: "", componentIds: [] };

export type SubscribeOutcome =
  | {
      kind: "subscribed";
      channel: "EMAIL" | "WEBHOOK";
      confirmed: boolean;
      /** A new webhook's signing secret, given this once; null when the URL was subscribed before. */
      signingSecret: string | null;
    }
  | { kind: "invalid"; errors: Partial<Record<SubscribeField, string>> }
  | { kind: "rate-limited"; retryAfter: number | null }
  | { kind: "unavailable" }
  | { kind: "failed" };

export type TokenOutcome =
  | { kind: "done" }
  | { kind: "unknown" }
  | { kind: "rate-limited"; retryAfter: number | null }
  | { kind: "unavailable" }
  | { kind: "failed" };

/** The longest field the site passes on; the API has its own, stricter limits. */
const MAX_TEXT = 2_048;
const MAX_COMPONENTS = 500;

function text(value: FormDataEntryValue | null): string {
  return typeof value === "string" ? value.trim().slice(0, MAX_TEXT) : "";
}

export function parseSubscribeForm(form: FormData): SubscribeForm {
  const ids = form
    .getAll("componentIds")
    .map((v) => text(v))
    .filter(Boolean);
  return {
    email: text(form.get("email")),
    webhookUrl: text(form.get("webhookUrl")),
    componentIds: [...new Set(ids)].slice(0, MAX_COMPONENTS),
  };
}

/** Which form field an argument path of the API's BAD_USER_INPUT belongs to. */
function fieldOf(path: string): SubscribeField {
  const [root, name] = path.split(".");
  if (root !== "input") return "form";
  if (name === "email" || name === "webhookUrl" || name === "componentIds") return name;
  return "form";
}

/** The API's field messages, one per form field (the first for each). */
function fieldErrors(fields: Record<string, string>): Partial<Record<SubscribeField, string>> {
  const errors: Partial<Record<SubscribeField, string>> = {};
  for (const [path, message] of Object.entries(fields)) errors[fieldOf(path)] ??= message;
  return errors;
}

/** What the site can tell before asking: one way to be told, not none and not both. */
function checkSubscribeForm(form: SubscribeForm): Partial<Record<SubscribeField, string>> | null {
  if (!form.email && !form.webhookUrl) return { email: "Enter an email address, or a webhook URL below." };
  if (form.email && form.webhookUrl)
    return { webhookUrl: "Give either an email address or a webhook URL, not both: subscribe twice for both." };
  return null;
}

// The input is written out field by field, so the site does not depend on the input type's name.
const SUBSCRIBE = `mutation Subscribe($email: String, $webhookUrl: String, $componentIds: [ID!]!) {
  subscribe(input: { email: $email, webhookUrl: $webhookUrl, componentIds: $componentIds }) {
    id channel confirmedAt createdAt signingSecret
  }
}`;

const CONFIRM = `mutation ConfirmSubscription($token: String!) {
  confirmSubscription(token: $token) { id channel confirmedAt }
}`;

const UNSUBSCRIBE = `mutation Unsubscribe($token: String!) { unsubscribe(token: $token) }`;

export async function subscribe(form: SubscribeForm, clientAddress?: string): Promise<SubscribeOutcome> {
  const local = checkSubscribeForm(form);
  if (local) return { kind: "invalid", errors: local };
  const variables: Record<string, unknown> = { componentIds: form.componentIds };
  if (form.email) variables["email"] = form.email;
  else variables["webhookUrl"] = form.webhookUrl;
  try {
    const data = await graphql<{
      subscribe: { channel: "EMAIL" | "WEBHOOK"; confirmedAt: string | null; signingSecret: string | null };
    }>(SUBSCRIBE, variables, { clientAddress });
    return {
      kind: "subscribed",
      channel: data.subscribe.channel,
      confirmed: data.subscribe.confirmedAt !== null,
      signingSecret: data.subscribe.signingSecret ?? null,
    };
  } catch (error) {
    if (error instanceof ApiError && error.code === "BAD_USER_INPUT") {
      const errors = fieldErrors(error.fields);
      if (Object.keys(errors).length === 0) errors.form = error.message;
      return { kind: "invalid", errors };
    }
    return failure(error);
  }
}

/** A token from a link: the site passes on only what could be one. */
export function plausibleToken(token: string | null): token is string {
  return token !== null && token.length > 0 && token.length <= 512 && /^[\x21-\x7e]+$/.test(token);
}

export async function confirmSubscription(token: string, clientAddress?: string): Promise<TokenOutcome> {
  if (!plausibleToken(token)) return { kind: "unknown" };
  try {
    await graphql(CONFIRM, { token }, { clientAddress });
    return { kind: "done" };
  } catch (error) {
    return tokenFailure(error);
  }
}

export async function unsubscribe(token: string, clientAddress?: string): Promise<TokenOutcome> {
  if (!plausibleToken(token)) return { kind: "unknown" };
  try {
    await graphql<{ unsubscribe: boolean }>(UNSUBSCRIBE, { token }, { clientAddress });
    // false: nothing was subscribed with it any more; the visitor's wish holds all the same.
    return { kind: "done" };
  } catch (error) {
    return tokenFailure(error);
  }
}

function tokenFailure(error: unknown): TokenOutcome {
  if (error instanceof ApiError && (error.code === "NOT_FOUND" || error.code === "BAD_USER_INPUT"))
    return { kind: "unknown" };
  return failure(error);
}

function failure(
  error: unknown,
): { kind: "rate-limited"; retryAfter: number | null } | { kind: "unavailable" } | { kind: "failed" } {
  if (error instanceof ApiError && error.code === "RATE_LIMITED")
    return { kind: "rate-limited", retryAfter: error.retryAfter };
  if (error instanceof ApiUnavailableError) return { kind: "unavailable" };
  // The code only: an API's message may quote what the visitor typed.
  console.error(
    `a subscription request failed: ${error instanceof ApiError ? (error.code ?? "no code") : String(error)}`,
  );
  return { kind: "failed" };
}

/** "in about 3 minutes", for a wait in seconds. */
export function waitInWords(seconds: number | null): string {
  if (seconds === null || seconds <= 0) return "in a little while";
  if (seconds < 90) return `in about ${Math.max(1, Math.round(seconds))} seconds`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `in about ${minutes} minutes`;
  return `in about ${Math.round(minutes / 60)} hours`;
}
