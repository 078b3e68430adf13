import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { RETRY_AFTER_SECONDS } from "../errors.js";

/** A response with a SERVICE_UNAVAILABLE error goes out as HTTP 503 with Retry-After: clients retry, not report a bug. */
export function serviceUnavailablePlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        willSendResponse: ({ response }) => {
          const errors = response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [];
          if (errors.some((e) => e.extensions?.["code"] === "SERVICE_UNAVAILABLE")) {
            response.http.status = 503;
            response.http.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
          }
          return Promise.resolve();
        },
      }),
  };
}
