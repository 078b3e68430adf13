import "reflect-metadata";
import { createDataSource } from "../db/data-source.js";
import { systemClock } from "../services/context.js";
import { Timers } from "../timers/timers.js";
const url = process.argv[2]!;
const db = createDataSource(url);
await db.initialize();
const timers = new Timers(url, systemClock, { workers: true, log: (e) => console.log("ERR", e) });
timers.register("sla-timer", async (data) => {
  console.log("handled", data);
});
await timers.start();
await db.transaction(async (tx) => {
  await timers.schedule(tx, "sla-timer", [{ data: { hello: 1 }, runAt: new Date(), key: "k" + Math.random() }]);
});
console.log("scheduled", await timers.pending("sla-timer"));
await new Promise((r) => setTimeout(r, 3000));
console.log("after", await timers.pending("sla-timer"));
console.log(await db.query("select name, state, start_after, now() from pgboss.job"));
await timers.stop();
await db.destroy();
