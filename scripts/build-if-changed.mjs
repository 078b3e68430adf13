// Builds a part (the status site, or the API's GraphiQL bundle) only when its inputs changed since its
// last build, so a second `pnpm start` or `pnpm test` goes straight to work. The inputs' hash is kept
// beside the output. Usage: node scripts/build-if-changed.mjs site|ide
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const parts = {
  site: {
    dir: "packages/status-site",
    inputs: ["src", "public", "astro.config.mjs", "adapter.mjs", "package.json", "tsconfig.json"],
    output: "dist/server/entry.mjs",
    script: "build",
  },
  ide: { dir: "packages/api", inputs: ["ide", "package.json"], output: "dist/ide", script: "build:ide" },
};
const part = parts[process.argv[2] ?? "site"];
if (!part) throw new Error(`usage: build-if-changed.mjs ${Object.keys(parts).join("|")}`);
const dir = join(root, part.dir);
const inputs = [...part.inputs.map((p) => join(dir, p)), join(root, "pnpm-lock.yaml")];
const stamp = join(dir, part.output.startsWith("dist/ide") ? "dist/ide" : "dist", ".inputs.sha256");

function* files(path) {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) return yield path;
  for (const name of readdirSync(path).sort()) yield* files(join(path, name));
}

const hash = createHash("sha256");
for (const input of inputs)
  for (const file of files(input))
    hash
      .update(`${relative(root, file)}\0`)
      .update(readFileSync(file))
      .update("\0");
const digest = hash.digest("hex");

const built = existsSync(join(dir, part.output)) && existsSync(stamp);
if (built && readFileSync(stamp, "utf8") === digest) {
  console.log(`${part.dir} (${process.argv[2] ?? "site"}) is up to date.`);
} else {
  // pnpm sets npm_execpath to itself: the same pnpm runs the site's own build script.
  const pnpm = process.env.npm_execpath;
  const [command, args] = pnpm ? [process.execPath, [pnpm]] : ["pnpm", []];
  const result = spawnSync(command, [...args, "--filter", `./${part.dir}`, part.script], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, digest);
}
