import "reflect-metadata";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, expect, test } from "vitest";
import { anAccount, aMember, MINUTE } from "../../test/support-factories.js";
import { startTestApi, type TestApi } from "../../test/harness.js";
import { startMailCatcher, type MailCatcher } from "../../platform/mail-catcher.js";

let api: TestApi;
let catcher: MailCatcher;

beforeAll(async () => {
  catcher = await startMailCatcher();
  api = await startTestApi({
    timers: { workers: false },
    mail: { smtpUrl: catcher.url, from: "Liaison <liaison@acme.example>" },
  });
});
afterAll(async () => {
  await api?.close();
  await catcher?.stop();
});

async function warnSoon(assigneeId: string) {
  const account = await anAccount(api);
  await api.must(
    `mutation($a: ID!, $u: ID) { openTicket(input: { accountId: $a, subject: "Printer <on> fire", priority: P1, assigneeId: $u }) { id } }`,
    { a: account.id, u: assigneeId },
  );
}

test("a person who chose EMAIL gets each notification mailed once, even when the SMTP server refuses at first", async () => {
  const agent = await aMember(api, "SUPPORT_AGENT");
  const quiet = await aMember(api, "SUPPORT_AGENT");
  const prefs = await api.must(
    `mutation { updateNotificationPreferences(input: { channels: [IN_APP, EMAIL], leadMinutes: [30] }) { channels } }`,
    {},
    agent.token,
  );
  expect(prefs.updateNotificationPreferences.channels).toEqual(["IN_APP", "EMAIL"]);
  const email = (await api.sql<{ email: string }>("SELECT email FROM app_user WHERE id = $1", [agent.id]))[0]!.email;
  catcher.refuse(true);
  await warnSoon(agent.id);
  await warnSoon(quiet.id);
  api.clock.advance(91 * MINUTE);
  await api.app.services.timers.runDue();
  expect(catcher.messages).toHaveLength(0);
  catcher.refuse(false);
  api.clock.advance(31_000);
  await api.app.services.timers.runDue();
  const mine = catcher.messages.filter((m) => m.to.includes(email));
  expect(mine).toHaveLength(1);
  expect(catcher.messages).toHaveLength(1); // the person on IN_APP only gets no mail
  const mail = await simpleParser(mine[0]!.raw);
  const { notifications } = await api.must(
    `{ notifications(first: 5) { edges { node { title body } } } }`,
    {},
    agent.token,
  );
  const [n] = notifications.edges.map((e: { node: { title: string; body: string } }) => e.node);
  expect(mail.subject).toBe(n.title);
  expect(mail.text).toContain(n.body);
  expect(mail.html).not.toContain("<on>");
  // Later notifications (the breach) are mailed too, each once however often the jobs run.
  api.clock.advance(60 * MINUTE);
  await api.app.services.timers.runDue();
  await api.app.services.timers.runDue();
  const count = (
    await api.sql<{ n: number }>("SELECT count(*)::int AS n FROM notification WHERE user_id = $1", [agent.id])
  )[0]!.n;
  expect(count).toBeGreaterThan(1);
  expect(catcher.messages.filter((m) => m.to.includes(email))).toHaveLength(count);
});
