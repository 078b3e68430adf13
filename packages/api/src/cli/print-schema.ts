import "reflect-metadata";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lexicographicSortSchema, printSchema } from "graphql";
import { liaisonSchema } from "../server/schema.js";

// `pnpm --filter @liaison/api schema` writes schema.graphql; `schema:check` (in `pnpm check`) fails when it is stale.
const [mode, file] = process.argv.slice(2);
if ((mode !== "--write" && mode !== "--check") || !file) {
  console.error("usage: print-schema (--write | --check) <file>");
  process.exit(2);
}
const sdl = `${printSchema(lexicographicSortSchema(await liaisonSchema()))}\n`;
if (mode === "--write") {
  writeFileSync(file, sdl);
  console.log(`wrote ${file}`);
} else {
  let committed = "";
  try {
    committed = readFileSync(file, "utf8");
  } catch {
    // missing: stale by definition
  }
  if (committed !== sdl) {
    const fresh = join(mkdtempSync(join(tmpdir(), "liaison-schema-")), "schema.graphql");
    writeFileSync(fresh, sdl);
    spawnSync("diff", ["-u", file, fresh], { stdio: "inherit" });
    console.error(`\n${file} is stale: run \`pnpm --filter @liaison/api schema\` and commit it.`);
    process.exit(1);
  }
  console.log(`${file} is up to date`);
}
