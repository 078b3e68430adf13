// Builds the status site only when its inputs changed since its last build, so a second
// `pnpm start` or `pnpm test` goes straight to work. The inputs' hash is kept in dist/.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const site = join(root, "packages/status-site");
const inputs = [
  ...["src", "public", "astro.config.mjs", "adapter.mjs", "package.json", "tsconfig.json"].map((p) => join(site, p)),
  join(root, "pnpm-lock.yaml"),
];
const stamp = join(site, "dist", ".inputs.sha256");

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

const built = existsSync(join(site, "dist/server/entry.mjs")) && existsSync(stamp);
if (built && readFileSync(stamp, "utf8") === digest) {
  console.log("Status site is up to date.");
} else {
  // pnpm sets npm_execpath to itself: the same pnpm runs the site's own build script.
  const pnpm = process.env.npm_execpath;
  const [command, args] = pnpm ? [process.execPath, [pnpm]] : ["pnpm", []];
  const result = spawnSync(command, [...args, "--filter", "./packages/status-site", "build"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, digest);
}
