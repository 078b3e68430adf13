import type { ServiceContext } from "../platform/context.js";
import type { QueueName } from "../platform/timers/queues.js";
import type { Timers } from "../platform/timers/timers.js";
import { featureModules } from "./modules.js";

/** What each queue's jobs do; handlers run as the system (no viewer), each in its own transaction. */
export function registerTimerHandlers(timers: Timers, system: () => ServiceContext): void {
  for (const module of featureModules)
    for (const [queue, handler] of Object.entries(module.timers ?? {}))
      timers.register(queue as QueueName, (data) => handler(system(), data as never));
}
