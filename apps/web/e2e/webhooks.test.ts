import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, launchBrowser, logIn, newPage, screenshotWidths } from "./support/browser";

/**
 * Webhooks from the settings page to a real receiver: an admin registers an endpoint pointing at
 * an HTTP server this file starts on 127.0.0.1 (the e2e app allows private addresses,
 * MERIDIAN_WEBHOOKS_ALLOW_PRIVATE), sends a test event that arrives signed with the secret shown
 * once, reads it in the delivery log, then resends it to a receiver answering 500 and sees it fail.
 * And the API reference lists every operation of the served OpenAPI document.
 */

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let browser: Browser;
let receiver: Server;
let receiverUrl = "";
const received: Received[] = [];
/** What the receiver answers next; the test turns it to 500. */
let answer = 200;

beforeAll(async () => {
  browser = await launchBrowser();
  receiver = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answer, { "content-type": "text/plain" });
      res.end(answer === 200 ? "thanks" : "receiver is broken");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/meridian`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/**
 * Every enabled, visible control of the page's main content receives focus with Tab alone: the
 * controls are marked, then Tab is pressed until each mark has been seen.
 */
async function everyControlTabbable(page: Page): Promise<string[]> {
  const total = await page.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLElement>("main a[href], main button, main input, main select")]
      .filter((el) => !(el as HTMLButtonElement).disabled && (el as HTMLInputElement).type !== "hidden")
      .filter((el) => el.checkVisibility());
    controls.forEach((el, i) => {
      el.dataset.kb = String(i);
    });
    (document.activeElement as HTMLElement | null)?.blur();
    return controls.length;
  });
  const seen = new Set<string>();
  for (let i = 0; i < total + 40 && seen.size < total; i++) {
    await page.keyboard.press("Tab");
    const mark = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.kb);
    if (mark !== undefined) seen.add(mark);
  }
  return page.evaluate(
    (marks) =>
      [...document.querySelectorAll<HTMLElement>("[data-kb]")]
        .filter((el) => !marks.includes(el.dataset.kb ?? ""))
        .map((el) => `${el.tagName.toLowerCase()} ${el.getAttribute("aria-label") ?? el.textContent?.trim() ?? ""}`),
    [...seen],
  );
}

/** The Standard Webhooks signature of a delivery, computed here from the secret the page showed. */
function expectedSignature(secret: string, r: Received): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signed = `${r.headers["webhook-id"]}.${r.headers["webhook-timestamp"]}.${r.body}`;
  return `v1,${createHmac("sha256", key).update(signed).digest("base64")}`;
}

describe("webhooks in the browser", () => {
  it("registers an endpoint, shows its secret once, delivers a signed test event, logs it and a failing resend", async () => {
    const page = await newPage(browser);
    await logIn(page, "admin");
    await page.goto("/settings");
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Webhooks" }).click();
    await page.waitForURL("**/settings/webhooks");
    const form = page.getByRole("form", { name: "New webhook endpoint" });

    // Bad input is refused beside its fields, and nothing is made.
    await form.getByLabel("URL").fill("not a url");
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await expect.poll(() => form.getByText("Enter a full URL").count()).toBe(1);
    await expect.poll(() => form.getByText("Choose at least one event.").count()).toBe(1);

    await form.getByLabel("URL").fill(receiverUrl);
    await form.getByLabel("Description").fill("Integration test receiver");
    await form.getByLabel(/^Check-in created/).check();
    await form.getByLabel(/^Review finalized/).check();
    await form.getByRole("button", { name: "Add endpoint" }).click();

    const secretBox = page.getByTestId("webhook-secret");
    await secretBox.waitFor();
    const secret = await secretBox.inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(await page.getByText("Verifying a delivery").count()).toBe(1);
    const card = page.getByRole("listitem", { name: `Endpoint ${receiverUrl}`, exact: true });
    await card.waitFor();
    expect(await card.textContent()).toContain("Check-in created, Review finalized");
    expect(await card.textContent()).toContain("Active");
    await screenshotWidths(page, "settings-webhooks-secret");
    await page.getByRole("button", { name: "Done" }).click();
    // Shown once: not after a reload either.
    await page.reload();
    await card.waitFor();
    expect(await page.content()).not.toContain(secret);

    // A test event arrives at the receiver, signed with that secret.
    await card.getByRole("button", { name: `Send test event to ${receiverUrl}` }).click();
    await expect
      .poll(() => card.getByRole("status").textContent())
      .toMatch(/^Test event delivered: the receiver answered 200 in \d+ ms\.$/);
    expect(received).toHaveLength(1);
    const [test] = received;
    if (!test) throw new Error("no delivery arrived");
    expect(JSON.parse(test.body)).toMatchObject({ type: "webhook.test", data: { message: expect.any(String) } });
    expect(test.headers["webhook-id"]).toMatch(/^msg_/);
    expect(test.headers["webhook-signature"]).toBe(expectedSignature(secret, test));
    await expect.poll(() => card.textContent()).toContain("answered 200");

    // Every control of the list is reached with Tab; nothing serious for axe.
    expect(await everyControlTabbable(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotWidths(page, "settings-webhooks");

    // The delivery log: the test delivery, answered 200, and its attempt.
    await card.getByRole("link", { name: `Delivery log of ${receiverUrl}` }).click();
    await page.waitForURL(/\/settings\/webhooks\/[0-9a-f-]{36}$/);
    const rows = page.getByTestId("delivery");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getByTestId("delivery-status-code").textContent()).toBe("200");
    expect(await rows.first().textContent()).toContain("Succeeded");
    await rows
      .first()
      .getByRole("button", { name: /^Details of the webhook\.test delivery/ })
      .click();
    const attempts = page.getByRole("list", { name: "Attempts" });
    await attempts.waitFor();
    expect(await attempts.textContent()).toMatch(/Attempt 1.*answered 200 · succeeded/);
    expect(await page.getByText(test.headers["webhook-id"] as string).count()).toBe(1);
    expect(await everyControlTabbable(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotWidths(page, "settings-webhook-deliveries");

    // The receiver breaks; a resend of the same event fails and the log says so.
    answer = 500;
    await rows
      .first()
      .getByRole("button", { name: /^Resend the webhook\.test delivery/ })
      .click();
    await expect.poll(() => page.getByText(/^Resent:/).count()).toBe(1);
    await expect.poll(() => rows.count()).toBe(2);
    // The worker sends it on its next tick; the log asks again while a delivery waits.
    await expect
      .poll(() => page.getByTestId("delivery-status-code").allTextContents(), { timeout: 100_000, interval: 1_000 })
      .toContain("500");
    // (A retry of it may follow later: it stays due for another attempt.)
    const resent = received[1];
    expect(received.length).toBeGreaterThanOrEqual(2);
    expect(resent?.headers["webhook-id"]).toBe(test.headers["webhook-id"]);
    const failed = rows.filter({ has: page.getByTestId("delivery-status-code").getByText("500", { exact: true }) });
    expect(await failed.first().textContent()).toContain("The receiver answered 500.");
    expect(await failed.first().textContent()).toContain("Resent");
    await failed
      .first()
      .getByRole("button", { name: /^Details of/ })
      .click();
    await expect
      .poll(() => page.getByRole("list", { name: "Attempts" }).first().textContent())
      .toMatch(/answered 500 · failed/);
    await expect.poll(() => page.getByText("receiver is broken").count()).toBeGreaterThan(0);
    await screenshotWidths(page, "settings-webhook-deliveries-failed");
    await page.context().close();
  }, 240_000);

  it("turns an endpoint off and back on, keeps what was typed over someone else's save, and removes it", async () => {
    const page = await newPage(browser);
    await logIn(page, "admin");
    await page.goto("/settings/webhooks");
    const url = `${receiverUrl}?second`;
    const form = page.getByRole("form", { name: "New webhook endpoint" });
    await form.getByLabel("URL").fill(url);
    await form.getByLabel(/^KPI status changed/).check();
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByTestId("webhook-secret").waitFor();
    await page.getByRole("button", { name: "Done" }).click();
    const card = page.getByRole("listitem", { name: `Endpoint ${url}` });

    // Off: it says why, and sends no test.
    await card.getByRole("button", { name: `Edit ${url}` }).click();
    const edit = card.getByRole("form", { name: `Edit ${url}` });
    await edit.getByLabel(/^Send deliveries to this endpoint/).uncheck();
    await edit.getByRole("button", { name: "Save endpoint" }).click();
    await expect.poll(() => card.textContent()).toContain("Disabled: Turned off by an admin.");
    expect(await card.getByRole("button", { name: `Send test event to ${url}` }).isDisabled()).toBe(true);

    // Another admin, in a browser of their own (drafts are kept per browser), saves first; what was typed here
    // survives the conflict and then wins.
    await card.getByRole("button", { name: `Edit ${url}` }).click();
    await edit.getByLabel("Description").fill("Typed in the first tab");
    const other = await newPage(browser);
    await logIn(other, "admin");
    await other.goto("/settings/webhooks");
    const otherCard = other.getByRole("listitem", { name: `Endpoint ${url}` });
    await otherCard.getByRole("button", { name: `Edit ${url}` }).click();
    const otherEdit = otherCard.getByRole("form", { name: `Edit ${url}` });
    await otherEdit.getByLabel("Description").fill("Saved in the other tab");
    await otherEdit.getByRole("button", { name: "Save endpoint" }).click();
    await expect.poll(() => otherCard.textContent()).toContain("Saved in the other tab");
    await other.context().close();

    await edit.getByLabel(/^Send deliveries to this endpoint/).check();
    await edit.getByRole("button", { name: "Save endpoint" }).click();
    await expect
      .poll(() => edit.getByRole("alert").first().textContent())
      .toContain("Your changes are still in the form");
    expect(await edit.getByRole("alert").first().textContent()).toContain("Saved in the other tab");
    expect(await edit.getByLabel("Description").inputValue()).toBe("Typed in the first tab");
    expect(await edit.getByLabel(/^Send deliveries to this endpoint/).isChecked()).toBe(true);
    await edit.getByRole("button", { name: "Save endpoint" }).click();
    await expect.poll(() => card.textContent()).toContain("Typed in the first tab");
    expect(await card.textContent()).toContain("Active");

    // A rotated secret is shown once, in the endpoint's card.
    await card.getByRole("button", { name: `Rotate secret of ${url}` }).click();
    await card.getByRole("button", { name: `Confirm rotating the secret of ${url}` }).click();
    await expect.poll(() => card.getByTestId("webhook-secret").inputValue()).toMatch(/^whsec_/);
    await card.getByRole("button", { name: "Done" }).click();

    await card.getByRole("button", { name: `Remove ${url}` }).click();
    await card.getByRole("button", { name: `Confirm removing ${url}` }).click();
    await expect.poll(() => card.count()).toBe(0);
    await page.context().close();
  });

  it("gives a non-admin neither the page nor its delivery log nor the procedures", async () => {
    const admin = await newPage(browser);
    await logIn(admin, "admin");
    await admin.goto("/settings/webhooks");
    const log = admin.getByRole("link", { name: `Delivery log of ${receiverUrl}`, exact: true });
    const logPath = (await log.getAttribute("href")) ?? "";
    expect(logPath).toMatch(/^\/settings\/webhooks\/[0-9a-f-]{36}$/);
    await admin.context().close();

    for (const role of ["manager", "member", "viewer"] as const) {
      const page = await newPage(browser);
      await logIn(page, role);
      for (const path of ["/settings/webhooks", logPath]) {
        const response = await page.goto(path);
        expect(response?.status()).toBe(404);
        await expect.poll(() => page.getByRole("heading", { name: "Page not found" }).count()).toBe(1);
      }
      // The API itself refuses, whatever a page shows.
      const answer = await page.request.get(`${baseURL()}/api/trpc/webhooks.list`);
      expect(answer.status()).toBe(403);
      await page.context().close();
    }
  });
});

describe("the API reference", () => {
  it("renders every operation of /api/v1/openapi.json for any member, readable on a phone", async () => {
    const page = await newPage(browser);
    await logIn(page, "member");
    const doc = (await (await page.request.get(`${baseURL()}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { summary?: string }>>;
      webhooks?: Record<string, unknown>;
    };
    const events = Object.keys(doc.webhooks ?? {});
    expect(events.length).toBeGreaterThan(0);
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      ["get", "post", "put", "patch", "delete"].filter((m) => item[m]).map((m) => ({ method: m.toUpperCase(), path })),
    );
    expect(operations.length).toBeGreaterThan(0);

    // Reached from the account page, as a member finds it.
    await page.goto("/account");
    await page.getByRole("link", { name: "API reference" }).click();
    await page.waitForURL("**/developers/api");
    await page.getByRole("heading", { level: 1, name: "API reference" }).waitFor();
    const cards = page.getByRole("article");
    expect(await cards.count()).toBe(operations.length + events.length);
    for (const { method, path } of operations) {
      const card = page.getByRole("article", { name: `${method} ${path}`, exact: true });
      expect(await card.count()).toBe(1);
      expect(await card.textContent()).toContain("Scope:");
      expect(await card.getByRole("figure").last().textContent()).toContain(`/api/v1${path.split("{")[0]}`);
    }
    // The webhooks section: each event the document lists, its signature headers and an example body.
    for (const event of events) {
      const card = page.getByRole("article", { name: `POST ${event}`, exact: true });
      expect(await card.count()).toBe(1);
      expect(await card.textContent()).toContain("webhook-signature");
      expect(JSON.parse((await card.getByRole("figure").last().locator("pre").textContent()) ?? "")).toMatchObject({
        type: event,
      });
    }
    expect(await page.getByRole("link", { name: "Download OpenAPI document" }).getAttribute("href")).toBe(
      "/api/v1/openapi.json",
    );
    expect(await page.getByText("Retry-After").count()).toBeGreaterThan(0);
    expect(await everyControlTabbable(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotWidths(page, "developers-api");

    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
      .toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
    // A long page: ~30 cards checked one by one, every control tabbed to, axe twice.
  }, 240_000);
});
