import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// One copy of graphql for every package, and the domain from source.
const resolve = {
  alias: {
    graphql: here("./node_modules/graphql/index.js"),
    "@liaison/domain": here("./packages/domain/src/index.ts"),
  },
};
// type-graphql and TypeORM read legacy decorator metadata.
const oxc = { decorator: { legacy: true, emitDecoratorMetadata: true } };

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: { name: "domain", include: ["packages/domain/src/**/*.test.ts"] },
      },
      {
        resolve,
        oxc,
        test: {
          name: "api",
          include: ["packages/api/src/**/*.test.ts"],
          exclude: ["packages/api/src/**/*.int.test.ts"],
          setupFiles: ["packages/api/src/test/setup.ts"],
        },
      },
      {
        resolve,
        oxc,
        test: {
          name: "api-int",
          include: ["packages/api/src/**/*.int.test.ts"],
          setupFiles: ["packages/api/src/test/setup.ts"],
          globalSetup: ["packages/api/src/test/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve,
        oxc,
        test: {
          name: "status-site",
          include: ["packages/status-site/test/**/*.test.ts"],
          setupFiles: ["packages/api/src/test/setup.ts"],
          globalSetup: ["packages/api/src/test/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
} as never);
