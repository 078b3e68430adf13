import { readdirSync } from "node:fs";
import js from "@eslint/js";
import astro from "eslint-plugin-astro";
import tseslint from "typescript-eslint";
import { importX } from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

const apiModules = readdirSync(new URL("./packages/api/src/modules", import.meta.url));
// A module reaches another only through its index.ts (tests included).
const moduleZones = apiModules.flatMap((module) =>
  apiModules
    .filter((other) => other !== module)
    .map((other) => ({
      target: `./packages/api/src/modules/${module}`,
      from: `./packages/api/src/modules/${other}`,
      except: ["./index.ts"],
      message: "Import another module only through its index.ts.",
    })),
);
// Modules know nothing of what composes them (their integration tests start the server, though).
const compositionZone = {
  target: "./packages/api/src/modules",
  from: ["./packages/api/src/server", "./packages/api/src/cli", "./packages/api/src/migrations"],
  message: "Modules do not import the server, the CLI or migrations.",
};

// House rules that matter are lint rules: the domain stays pure, resolvers stay thin.
export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "**/.astro/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Type-aware rules on TypeScript sources (floating promises, unsafe any, needless assertions, …).
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ["packages/*/src/**/*.ts"] })),
  {
    files: ["packages/*/src/**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    // Tests read GraphQL answers as untyped JSON: `any` there is the point, not a leak.
    files: ["**/*.test.ts", "packages/api/src/test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  // After typescript-eslint: .astro files (and their <script>s) get Astro's parser, TypeScript inside.
  ...astro.configs.recommended,
  {
    // Node scripts: the runtime defines these globals; TypeScript checks the .ts files.
    files: ["**/*.mjs", "**/*.js"],
    rules: { "no-undef": "off" },
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-unsafe-declaration-merging": "off",
    },
  },
  {
    files: ["packages/domain/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*"], message: "The domain does no I/O." },
            { group: ["typeorm", "pg", "@liaison/api", "**/api/**"], message: "The domain knows no database or API." },
          ],
          paths: ["fs", "path", "http", "https", "net", "child_process", "crypto", "os"].map((name) => ({
            name,
            message: "The domain does no I/O.",
          })),
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "The domain never reads the clock: take the time as a parameter.",
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "The domain never reads the clock: take the time as a parameter.",
        },
        {
          selector:
            "CallExpression[callee.object.name='DateTime'][callee.property.name=/^(now|local)$/][arguments.length=0]",
          message: "The domain never reads the clock: take the time as a parameter.",
        },
      ],
    },
  },
  {
    // The api's architecture (docs/architecture.md): no import cycles; a module is imported only
    // through its index.ts; the platform knows no module; the server composes them.
    files: ["packages/api/src/**/*.ts"],
    plugins: { "import-x": importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "packages/api/tsconfig.json" })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": ["error", { zones: moduleZones }],
    },
  },
  {
    files: ["packages/api/src/modules/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "import-x/no-restricted-paths": ["error", { zones: [...moduleZones, compositionZone] }] },
  },
  {
    files: ["packages/api/src/platform/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(\\.\\./)+(modules|server|cli|migrations)/",
              message: "The platform imports no module: modules depend on it.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/api/src/modules/**/*.resolver.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["typeorm"], message: "Resolvers do not touch repositories: call a service." }],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[property.name=/^(getRepository|query|transaction|createQueryBuilder)$/]",
          message: "Resolvers do not touch repositories: call a service.",
        },
      ],
    },
  },
  {
    files: ["packages/**/*.ts"],
    ignores: [
      "packages/api/src/platform/config.ts",
      "packages/status-site/**",
      "**/*.test.ts",
      "packages/api/src/test/**",
    ],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through config.ts (parsed once with zod)." },
      ],
    },
  },
  {
    // One logger (platform/logger.ts: JSON, redacted) for all the API says; the start banner stays plain text.
    files: ["packages/api/src/**/*.ts"],
    ignores: [
      "packages/api/src/cli/start-all.ts",
      "packages/api/src/cli/print-schema.ts",
      "**/*.test.ts",
      "packages/api/src/test/**",
    ],
    rules: { "no-console": "error" },
  },
  {
    files: ["packages/status-site/**/*.ts", "packages/status-site/**/*.astro"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@liaison/api", "**/api/src/**", "typeorm", "pg"],
              message: "The site talks to the API over HTTP/WebSocket only.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests start the API in-process to drive the site over HTTP, as a browser would.
    files: ["packages/status-site/test/**/*.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Plain Node scripts (benchmarks, build config) use Node's globals.
    files: ["bench/**/*.mjs", "packages/*/*.mjs"],
    languageOptions: {
      globals: Object.fromEntries(
        ["process", "console", "setTimeout", "clearTimeout", "fetch", "Buffer", "URL"].map((g) => [g, "readonly"]),
      ),
    },
  },
);
