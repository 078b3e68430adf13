import {
  createSourceEventStream,
  execute,
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

/** Told when a subscription starts and ends, and of each result handed to a subscriber: for metrics. */
export interface SubscriptionObserver {
  started(): void;
  ended(): void;
  delivered(): void;
}

/**
 * Subscriptions whose events are shared objects (an incident snapshot, the status page)
 * are executed once per event for each distinct (operation, variables, role) and the
 * result handed to every such subscriber: fan-out to thousands costs one execution.
 * Field resolvers decide visibility by role only, so the role is a safe part of the key.
 */
export function createSharedSubscribe(observer?: SubscriptionObserver) {
  const results = new WeakMap<object, Map<string, Promise<ExecutionResult> | ExecutionResult>>();

  return async function sharedSubscribe(
    args: ExecutionArgs,
  ): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source;
    const iterator = source[Symbol.asyncIterator]();
    const context = args.contextValue as GraphQLContext;
    const key = [
      context.viewer?.role ?? "ANONYMOUS",
      args.operationName ?? "",
      JSON.stringify(args.variableValues ?? {}),
      documentKey(args.document),
    ].join("\u0000");

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
