import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

export interface ReceivedMail {
  envelopeTo: string[];
  raw: string;
  parsed?: ParsedMail;
}

export interface SmtpSink {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Resolves once `count` messages have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  /** The first message received that `matches`, waiting for it: other mail may come first. */
  waitForMail(matches: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 (a free port), in the test's process: what
 * the app's transport sends arrives here over TCP. `refuse` answers every
 * message with that SMTP error; `parse` keeps each message parsed (tests read
 * subject and links; the bench skips it).
 */
export async function startSmtpSink(
  options: { refuse?: { code: number; message: string }; parse?: boolean } = {},
): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  const settings: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 5 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        if (options.refuse) {
          const error = Object.assign(new Error(options.refuse.message), { responseCode: options.refuse.code });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const mail: ReceivedMail = { envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw };
        if (options.parse !== false) mail.parsed = await simpleParser(raw);
        received.push(mail);
        for (const w of waiters.splice(0)) w();
        callback();
      });
    },
  };
  const server = new SMTPServer(settings);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    async waitFor(count, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200).unref();
        });
      }
    },
    async waitForMail(matches, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mail = received.find(matches);
        if (mail) return mail;
        if (Date.now() > deadline) {
          const subjects = received.map((m) => m.parsed?.subject ?? "(no subject)").join("; ");
          throw new Error(`no matching message among ${received.length} received: ${subjects}`);
        }
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200).unref();
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
