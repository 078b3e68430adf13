import {
  createSourceEventStream,
  execute,
  getOperationAST,
  Kind,
  print,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from "graphql";
import type { GraphQLContext } from "./context.js";

const documentKeys = new WeakMap<DocumentNode, string>();
function documentKey(document: DocumentNode): string {
  let key = documentKeys.get(document);
  if (key === undefined) {
    key = print(document);
    documentKeys.set(document, key);
  }
  return key;
}

/** Told when a subscription starts and ends, and of results handed to subscribers: for metrics. */
export interface SubscriptionObserver {
  started(): void;
  ended(): void;
  delivered(count?: number): void;
  /** One broadcast: an event executed once and written to `count` sockets in `seconds`. */
  fannedOut?(seconds: number, count: number): void;
}

/** Hands one result straight to one subscriber's socket (serialized once per result, checked for slow readers). */
export type DirectSink = (result: ExecutionResult) => void;

export interface BroadcastOptions {
  /** Root subscription fields whose event stream depends only on the arguments and the role (not who asks). */
  fields: ReadonlySet<string>;
  /** The socket sink of the subscriber this context was made for, if any. */
  sinkOf(context: unknown): DirectSink | undefined;
  onError(error: unknown): void;
}

interface Member {
  sink: DirectSink;
  /** The event bus's sequence when it joined: events dispatched before are not its own. */
  since: number;
  end(): void;
}

interface Group {
  members: Set<Member>;
  source: AsyncIterator<unknown>;
}

const rootFieldOf = (args: ExecutionArgs): string | null => {
  const operation = getOperationAST(args.document, args.operationName);
  const only = operation?.selectionSet.selections.length === 1 ? operation.selectionSet.selections[0] : undefined;
  return only?.kind === Kind.FIELD ? only.name.value : null;
};

/**
 * Subscriptions whose events are shared objects (an incident snapshot, the status page)
 * are executed once per event for each distinct (operation, variables, role) and the
 * result handed to every such subscriber: fan-out to thousands costs one execution.
 * Field resolvers decide visibility by role only, so the role is a safe part of the key.
 */
export function createSharedSubscribe(observer?: SubscriptionObserver, broadcast?: BroadcastOptions) {
  const results = new WeakMap<object, Map<string, Promise<ExecutionResult> | ExecutionResult>>();
  const groups = new Map<string, Group | Promise<Group | ExecutionResult>>();

  /**
   * Broadcast: one event stream per key for all its subscribers (the first one's arguments and context,
   * which the key makes equivalent for these fields); each event executed once and handed to every
   * member's socket in one synchronous loop. The iterator graphql-ws holds per subscriber yields
   * nothing: it only ends (when the stream does) or is returned (the subscriber leaves).
   */
  async function join(
    key: string,
    args: ExecutionArgs,
    sink: DirectSink,
  ): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    let pending = groups.get(key);
    if (!pending) {
      pending = createSourceEventStream(args).then((source) => {
        if (!(Symbol.asyncIterator in source)) {
          groups.delete(key);
          return source;
        }
        const group: Group = { members: new Set(), source: source[Symbol.asyncIterator]() };
        groups.set(key, group);
        void pump(key, group, args);
        return group;
      });
      groups.set(key, pending);
    }
    const group = await pending;
    if (!("members" in group)) return group;
    // Its last member left while this one waited: the stream is closing, start a new one.
    if (groups.get(key) !== group) return join(key, args, sink);

    let finished: ((step: IteratorResult<ExecutionResult>) => void) | null = null;
    let open = true;
    const bus = (args.contextValue as GraphQLContext).services.bus;
    const release = bus.hold();
    const done = { done: true, value: undefined } as const;
    const leave = () => {
      if (!open) return;
      open = false;
      release();
      observer?.ended();
      group.members.delete(member);
      finished?.(done);
      if (group.members.size === 0 && groups.get(key) === group) {
        groups.delete(key);
        void group.source.return?.();
      }
    };
    const member: Member = { sink, since: bus.sequence, end: leave };
    group.members.add(member);
    observer?.started();
    const iterator: AsyncIterableIterator<ExecutionResult> = {
      next: () => (open ? new Promise((resolve) => (finished = resolve)) : Promise.resolve(done)),
      return: () => {
        leave();
        return Promise.resolve(done);
      },
      throw: (error: unknown) => {
        leave();
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  async function pump(key: string, group: Group, args: ExecutionArgs): Promise<void> {
    try {
      for (;;) {
        const step = await group.source.next();
        if (step.done) break;
        const started = performance.now();
        let result: ExecutionResult;
        try {
          result = await execute({ ...args, rootValue: step.value });
        } catch (error) {
          broadcast?.onError(error);
          continue;
        }
        // The stream's position (EventBus.iterate's `sequence`): a member hears only events dispatched after it joined.
        const at = (group.source as { sequence?: number }).sequence ?? Infinity;
        let count = 0;
        for (const member of group.members)
          if (at > member.since) {
            member.sink(result);
            count++;
          }
        observer?.delivered(count);
        observer?.fannedOut?.((performance.now() - started) / 1000, count);
      }
    } catch (error) {
      broadcast?.onError(error);
    }
    if (groups.get(key) === group) groups.delete(key);
    for (const member of [...group.members]) member.end();
  }

  return async function sharedSubscribe(
    args: ExecutionArgs,
  ): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const context = args.contextValue as GraphQLContext;
    const key = [
      context.viewer?.role ?? "ANONYMOUS",
      args.operationName ?? "",
      JSON.stringify(args.variableValues ?? {}),
      documentKey(args.document),
    ].join("\u0000");
    const sink = broadcast?.sinkOf(args.contextValue);
    const field = sink ? rootFieldOf(args) : null;
    if (sink && field && broadcast?.fields.has(field)) return join(key, args, sink);

    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source;
    const iterator = source[Symbol.asyncIterator]();

    const resultFor = (payload: unknown): Promise<ExecutionResult> | ExecutionResult => {
      if (typeof payload !== "object" || payload === null) return execute({ ...args, rootValue: payload });
      let perPayload = results.get(payload);
      if (!perPayload) {
        perPayload = new Map();
        results.set(payload, perPayload);
      }
      let result = perPayload.get(key);
      if (!result) {
        result = execute({ ...args, rootValue: payload });
        perPayload.set(key, result);
      }
      return result;
    };

    let open = true;
    const end = () => {
      if (open) observer?.ended();
      open = false;
    };
    observer?.started();
    const mapped: AsyncIterableIterator<ExecutionResult> = {
      async next() {
        const step = await iterator.next();
        if (step.done) {
          end();
          return { done: true, value: undefined };
        }
        const value = await resultFor(step.value);
        observer?.delivered();
        return { done: false, value };
      },
      async return() {
        end();
        await iterator.return?.();
        return { done: true, value: undefined };
      },
      async throw(error: unknown) {
        end();
        await iterator.return?.();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return mapped;
      },
    };
    return mapped;
  };
}
