import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, DEMO_PASSWORD, HOME, launchBrowser, newPage } from "./support/browser";
import { HttpSession } from "./support/http-session";

/**
 * After sign-in the browser goes where callbackUrl says only when that is a
 * path of the app itself. The payloads are written into the query string as
 * an attacker's link would carry them.
 */
const PAYLOADS = [
  "/%5Cevil.example/x",
  "/\\evil.example/x",
  "/%09/evil.example/x",
  "/%0A/evil.example/x",
  "/%0D%0A/evil.example/x",
  "//evil.example",
  "///evil.example/x",
  "https://evil.example/",
  "https:evil.example",
  "javascript:alert(document.domain)",
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the callbackUrl after sign-in", () => {
  for (const payload of PAYLOADS) {
    it(`keeps the browser on the app for ${JSON.stringify(payload)}`, async () => {
      const page = await newPage(browser);
      const leftTo: string[] = [];
      page.on("framenavigated", (frame) => {
        if (frame === page.mainFrame()) leftTo.push(frame.url());
      });
      page.on("dialog", (dialog) => {
        leftTo.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await page.goto(`/login?callbackUrl=${payload}`);
      await page.getByLabel("Email").fill("member@example.com");
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(HOME.member);
      expect(new URL(page.url()).origin).toBe(baseURL());
      expect(leftTo.filter((url) => !url.startsWith(baseURL()))).toEqual([]);
      await page.context().close();
    });
  }

  it("keeps a path of the app", async () => {
    const page = await newPage(browser);
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/kpis?view=all")}`);
    await page.getByLabel("Email").fill("member@example.com");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/kpis");
    expect(page.url()).toBe(`${baseURL()}/kpis?view=all`);
    await page.context().close();
  });

  it("is answered with the app's own origin by next-auth's sign-in route, over HTTP", async () => {
    for (const callbackUrl of [
      "/\\evil.example/x",
      "/\t/evil.example",
      "//evil.example",
      "https://evil.example",
      "/okrs",
    ]) {
      const client = new HttpSession();
      const csrf = (await (await client.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const response = await client.fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
        body: new URLSearchParams({
          csrfToken: csrf.csrfToken,
          email: "viewer@example.com",
          password: DEMO_PASSWORD,
          callbackUrl,
          json: "true",
        }),
      });
      const { url } = (await response.json()) as { url: string };
      expect(new URL(url).origin).toBe(baseURL());
      expect(new URL(url).pathname).toBe(callbackUrl === "/okrs" ? "/okrs" : "/");
    }
  });
});
