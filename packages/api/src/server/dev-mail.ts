import type { IncomingMessage, ServerResponse } from "node:http";
import type { MailCatcher } from "../platform/mail-catcher.js";
import { sendJson } from "../platform/http/http.js";

function header(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
  const match = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, "im").exec(head);
  return match ? match[1]!.replace(/\r?\n[ \t]+/g, " ").trim() : null;
}

/**
 * GET /dev/mail: what the local mail catcher caught, newest first (development only: `pnpm start`
 * without SMTP_URL). GET /dev/mail/<n> is message n as an .eml file (open it in a mail reader).
 */
export function devMail(catcher: MailCatcher, req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  if (req.method !== "GET" || !url.pathname.startsWith("/dev/mail")) return false;
  const one = /^\/dev\/mail\/(\d+)$/.exec(url.pathname);
  if (one) {
    const message = catcher.messages[Number(one[1])];
    if (!message) sendJson(res, 404, { error: "No such message" });
    else {
      res.writeHead(200, { "content-type": "message/rfc822", "cache-control": "no-store" });
      res.end(message.raw);
    }
    return true;
  }
  if (url.pathname !== "/dev/mail") return false;
  const list = catcher.messages
    .map((m, index) => ({
      index,
      url: `/dev/mail/${index}`,
      receivedAt: m.receivedAt.toISOString(),
      from: m.from,
      to: m.to,
      subject: header(m.raw, "subject"),
      file: m.file,
    }))
    .reverse()
    .slice(0, 200);
  sendJson(res, 200, { count: catcher.messages.length, messages: list }, { "cache-control": "no-store" });
  return true;
}
