import AxeBuilder from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SmtpSink, startSmtpSink } from "../../../packages/api/test/support/smtp-sink";
import { type AppServer, createServerDatabase, startApp } from "./support/app-server";
import { launchBrowser, screenshotWidths } from "./support/browser";

// The app as `pnpm start` runs it, with SMTP_URL set to a real SMTP server in this test: the worker
// starts with the app, the demo's overdue corrective action is told by email, and the email's
// one-click unsubscribe link works over HTTP with no sign-in.
let sink: SmtpSink;
let app: AppServer;
let database: Awaited<ReturnType<typeof createServerDatabase>> | null = null;

beforeAll(async () => {
  sink = await startSmtpSink();
  database = process.env.DATABASE_URL ? await createServerDatabase(process.env.DATABASE_URL, "meridian_mail") : null;
  app = await startApp({
    databaseUrl: database?.url ?? "",
    env: { SMTP_URL: sink.url, MAIL_FROM: "Meridian <meridian@example.test>", NEXTAUTH_SECRET: "e2e-mail-secret" },
  });
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await sink?.close();
  await database?.drop();
});

function unsubscribeUrl(raw: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, " ") ?? "";
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith("list-unsubscribe:"));
  return (line?.slice("list-unsubscribe:".length).trim() ?? "").replace(/^<|>$/g, "");
}

describe("email from the running app", () => {
  it("sends the overdue action's email, with links to the app and a one-click unsubscribe that needs no sign-in", async () => {
    // Other mail the demo is due (a Monday's check-in reminder) may arrive first.
    const mail = await sink.waitForMail(
      (m) => m.parsed?.subject?.startsWith("Corrective action overdue") ?? false,
      90_000,
    );
    expect(mail?.envelopeTo).toEqual(["member@example.com"]);
    expect(mail?.parsed?.html).toContain(`href="${app.baseURL}/reviews/`);
    const url = unsubscribeUrl(mail?.raw ?? "");
    expect(url.startsWith(`${app.baseURL}/api/notifications/unsubscribe?token=`)).toBe(true);

    const forged = await fetch(url.replace(/.{4}$/, "AAAA"));
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("Nothing was changed.");

    // A mail client's one-click button: a POST from no page of ours, no cookie.
    const oneClick = await fetch(url, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://mail.example.net" },
    });
    expect(oneClick.status).toBe(200);
    const page = await oneClick.text();
    expect(page).toContain("You are unsubscribed");
    expect(page).toContain("Corrective action overdue");

    const clicked = await fetch(url);
    expect(clicked.status).toBe(200);

    // The page the link opens, in a browser: readable, and nothing serious for a screen reader.
    const browser = await launchBrowser();
    try {
      const tab = await (await browser.newContext()).newPage();
      await tab.goto(url);
      await tab.getByText("You are unsubscribed").first().waitFor();
      const { violations } = await new AxeBuilder({ page: tab }).analyze();
      expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
      await screenshotWidths(tab, "unsubscribe-page");
    } finally {
      await browser.close();
    }
  });
});
