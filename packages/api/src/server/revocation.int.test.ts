import { afterAll, beforeAll, expect, test } from "vitest";
import { aUser } from "../test/factories.js";
import { startTestApi, type TestApi, type TestPeer } from "../test/harness.js";
import { rawSocket } from "../test/raw-socket.js";

let api: TestApi;
let peer: TestPeer;
beforeAll(async () => {
  api = await startTestApi();
  peer = await api.peer();
});
afterAll(() => api?.close());

const peerWsUrl = () => `${peer.url.replace("http", "ws")}/graphql`;
const INTERNAL_UPDATES = `subscription { incidentUpdated { id title } }`;
const report = (title: string) => `mutation { reportIncident(input: { title: "${title}", severity: SEV4 }) { id } }`;

test("regression: revoking a token closes its sockets (4403) in every API process, and nothing more reaches them", async () => {
  const responder = await aUser(api, "RESPONDER");
  const { createApiToken: second } = await api.must(`mutation($id: ID!) { createApiToken(userId: $id) }`, {
    id: responder.user.id,
  });
  const here = await rawSocket(api.wsUrl, responder.token);
  const there = await rawSocket(peerWsUrl(), responder.token);
  const otherToken = await rawSocket(api.wsUrl, second);
  for (const socket of [here, there, otherToken]) socket.subscribe("s", INTERNAL_UPDATES);
  await new Promise((r) => setTimeout(r, 200));

  await api.must(`mutation($t: String!) { revokeApiToken(input: { token: $t }) }`, { t: responder.token });
  expect((await here.closed).code).toBe(4403);
  expect((await here.closed).reason).toBe("Forbidden");
  expect((await there.closed).code).toBe(4403);

  // An INTERNAL change after the revocation reaches the token still valid, and no one else.
  await api.must(report("after revocation"));
  const [delivered] = await otherToken.until((m) => m.type === "next");
  expect(delivered!.payload.data.incidentUpdated.title).toBe("after revocation");
  expect(here.messages.filter((m) => m.type === "next")).toHaveLength(0);
  expect(there.messages.filter((m) => m.type === "next")).toHaveLength(0);
  otherToken.close();
});

test("revoking every token of a user closes all that user's sockets and no one else's", async () => {
  const leaving = await aUser(api, "SUPPORT_AGENT");
  const staying = await aUser(api, "SUPPORT_AGENT");
  const sockets = [await rawSocket(api.wsUrl, leaving.token), await rawSocket(peerWsUrl(), leaving.token)];
  const bystander = await rawSocket(peerWsUrl(), staying.token);
  await api.must(`mutation($id: ID!) { revokeApiToken(input: { userId: $id }) }`, { id: leaving.user.id });
  for (const socket of sockets) expect((await socket.closed).code).toBe(4403);
  bystander.subscribe("q", `{ me { id } }`);
  const [answer] = await bystander.until((m) => m.id === "q" && m.type === "next");
  expect(answer!.payload.data.me.id).toBe(staying.user.id);
  bystander.close();
});

test("regression: a mutation sent on a revoked token's socket creates nothing", async () => {
  const responder = await aUser(api, "RESPONDER");
  const socket = await rawSocket(peerWsUrl(), responder.token);
  await api.must(`mutation($t: String!) { revokeApiToken(input: { token: $t }) }`, { t: responder.token });
  socket.subscribe("m", report("sent after revocation"));
  expect((await socket.closed).code).toBe(4403);
  await new Promise((r) => setTimeout(r, 200));
  const rows = await api.sql(`SELECT 1 FROM incident WHERE title = 'sent after revocation'`);
  expect(rows).toHaveLength(0);
  expect(socket.messages.filter((m) => m.type === "next")).toHaveLength(0);
});
