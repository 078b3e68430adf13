import nodemailer from "nodemailer";

/** One message, multipart text + HTML; `messageId` is the same on every attempt, so a receiver can drop a repeat. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<…@…>`: stable per message. */
  messageId: string;
  headers?: Record<string, string>;
}

/** Sends mail; `send` resolves once the SMTP server accepted the message, and rejects otherwise. */
export interface Mailer {
  /** False when no SMTP server is configured: sending fails, and deliveries wait for one. */
  readonly configured: boolean;
  /** The From address (MAIL_FROM). */
  readonly from: string;
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export interface MailerOptions {
  /** smtp://user:pass@host:port or smtps://…; null: mail is not sent (deliveries stay pending). */
  smtpUrl: string | null;
  from: string;
  /** Connections the pool keeps open to the SMTP server. */
  maxConnections?: number;
}

/** Pooled SMTP (nodemailer): at most `maxConnections` connections, reused across messages. */
export function createMailer(options: MailerOptions): Mailer {
  const { smtpUrl, from } = options;
  if (!smtpUrl)
    return {
      configured: false,
      from,
      async send() {
        throw new Error("no SMTP server is configured (SMTP_URL)");
      },
      close() {},
    };
  const url = new URL(smtpUrl);
  if (!url.searchParams.has("pool")) url.searchParams.set("pool", "true");
  if (!url.searchParams.has("maxConnections"))
    url.searchParams.set("maxConnections", String(options.maxConnections ?? 5));
  // Tight timeouts: a slow server delays a delivery's retry, not the whole job.
  const defaults = { maxMessages: 1000, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
  for (const [key, value] of Object.entries(defaults))
    if (!url.searchParams.has(key)) url.searchParams.set(key, String(value));
  const transport = nodemailer.createTransport(url.toString());
  return {
    configured: true,
    from,
    async send(message) {
      const info = await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        headers: message.headers ?? {},
      });
      if (info.rejected.length > 0) throw new Error(`the SMTP server refused the recipient`);
    },
    close() {
      transport.close();
    },
  };
}
