import { mkdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";

/** One message as the catcher received it: the envelope and the raw RFC 5322 text. */
export interface CaughtMail {
  from: string;
  to: string[];
  raw: string;
  receivedAt: Date;
  /** Where it was written, when the catcher keeps files. */
  file: string | null;
}

export interface MailCatcher {
  /** smtp://127.0.0.1:<port>: give it as SMTP_URL. */
  url: string;
  messages: CaughtMail[];
  /** Until `stop`, refuse every message with a temporary failure (451): an SMTP server in trouble. */
  refuse(on: boolean): void;
  stop(): Promise<void>;
}

/**
 * A real SMTP server in this process that accepts every message and keeps it (in memory, the last
 * `keep`, and as .eml files under `dir` when given): `pnpm start`'s mail when no SMTP_URL is set,
 * and the tests'. Plain SMTP without authentication, on the loopback interface only.
 */
export async function startMailCatcher(options: { port?: number; dir?: string | null; keep?: number } = {}) {
  const messages: CaughtMail[] = [];
  const keep = options.keep ?? 10_000;
  let refusing = false;
  let sequence = 0;
  if (options.dir) mkdirSync(options.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (refusing) {
          const error = Object.assign(new Error("Try again later"), { responseCode: 451 });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const receivedAt = new Date();
        let file: string | null = null;
        if (options.dir) {
          sequence += 1;
          file = join(options.dir, `${receivedAt.toISOString().replace(/[:.]/g, "-")}-${sequence}.eml`);
          writeFileSync(file, raw);
        }
        const envelope = session.envelope;
        messages.push({
          from: envelope.mailFrom ? envelope.mailFrom.address : "",
          to: envelope.rcptTo.map((r) => r.address),
          raw,
          receivedAt,
          file,
        });
        if (messages.length > keep) messages.splice(0, messages.length - keep);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  server.on("error", () => {});
  const { port } = server.server.address() as AddressInfo;
  const catcher: MailCatcher = {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuse(on) {
      refusing = on;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return catcher;
}
