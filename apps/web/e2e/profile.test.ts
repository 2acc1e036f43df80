import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, launchBrowser, screenshotWidths, signIn } from "./support/browser";
import { adminSession, createPerson } from "./support/people";

// The Account page as a person uses it: their profile, and the devices they are signed in on.
const PHONE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const PHONE = "Safari 17 on iOS";

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

async function device(options: { userAgent?: string; width?: number; timezoneId?: string } = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseURL(),
    viewport: { width: options.width ?? 1280, height: 900 },
    ...(options.userAgent && { userAgent: options.userAgent }),
    ...(options.timezoneId && { timezoneId: options.timezoneId }),
  });
  contexts.push(context);
  return context.newPage();
}

async function signedIn(page: Page, person: { email: string; password: string }) {
  await signIn(page, person.email, person.password);
  await page.waitForURL("**/my");
  await page.getByRole("heading", { level: 1 }).waitFor();
}

async function openAccount(page: Page) {
  await page.goto("/account");
  await page.getByRole("heading", { level: 1, name: "Your profile" }).waitFor();
}

const sessionList = (page: Page) => page.getByRole("region", { name: "Where you are signed in" }).getByRole("listitem");

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Navigating on a signed-out device lands on the sign-in page. */
async function expectSentToSignIn(page: Page) {
  await page.goto("/my");
  await page.waitForURL(/\/login/);
  expect(new URL(page.url()).pathname).toBe("/login");
}

describe("the profile page", () => {
  it("saves a member's name and time zone: they persist after a reload and the header shows the new name", async () => {
    const person = await createPerson(await adminSession(), "member");
    const page = await device({ timezoneId: "Europe/Berlin" });
    await signedIn(page, person);
    // The menu leads there.
    await page.getByRole("link", { name: "Account" }).first().click();
    await page.waitForURL("**/account");

    const name = `Profile Tester ${Date.now().toString(36)}`;
    await page.getByLabel("Name", { exact: true }).fill(name);
    const zone = page.getByLabel("Time zone");
    expect(await zone.inputValue()).toBe("UTC");
    // The browser's own zone is offered while it differs from the chosen one.
    await page.getByRole("button", { name: "Use Europe/Berlin" }).click();
    expect(await zone.inputValue()).toBe("Europe/Berlin");
    expect(await page.getByRole("button", { name: "Use Europe/Berlin" }).count()).toBe(0);
    // Typed by hand, in any case: the server stores the canonical spelling.
    await zone.fill("asia/tokyo");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Profile saved." }).count()).toBe(1);
    // The server stores the canonical spelling.
    await expect.poll(() => zone.inputValue()).toBe("Asia/Tokyo");

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Your profile" }).waitFor();
    // The heading is server-rendered; the form's fields take their values when it hydrates.
    await expect.poll(() => page.getByLabel("Name", { exact: true }).inputValue()).toBe(name);
    expect(await page.getByLabel("Time zone").inputValue()).toBe("Asia/Tokyo");
    expect(await page.getByRole("img", { name: `Signed in as ${name}` }).count()).toBe(1);

    // An unknown zone is refused on its field, and nothing is saved.
    await page.getByLabel("Time zone").fill("Mars/Olympus_Mons");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect.poll(() => page.getByText("Choose a time zone from the list, such as Europe/Berlin.").count()).toBe(1);
    // Leaving with unsaved changes asks first (ADR 0016); staying is not the point here.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Your profile" }).waitFor();
    // The draft kept what was typed (ADR 0016), restored once the page knows who is signed in.
    await expect.poll(() => page.getByLabel("Time zone").inputValue()).toBe("Mars/Olympus_Mons");
  });

  it("lists the devices signed in, signs one out, and signs out everywhere", async () => {
    const person = await createPerson(await adminSession(), "member");
    const laptop = await device();
    const phone = await device({ userAgent: PHONE_UA, width: 390 });
    await signedIn(laptop, person);
    await signedIn(phone, person);

    await openAccount(laptop);
    await expect.poll(() => sessionList(laptop).count()).toBe(2);
    const current = sessionList(laptop).filter({ hasText: "This device" });
    expect(await current.count()).toBe(1);
    expect(await sessionList(laptop).filter({ hasText: PHONE }).count()).toBe(1);
    expect(await seriousViolations(laptop)).toEqual([]);
    await screenshotWidths(laptop, "account-profile");

    // Sign the phone out from the laptop: the phone's next navigation goes to the sign-in page.
    await sessionList(laptop)
      .filter({ hasText: PHONE })
      .getByRole("button", { name: new RegExp(`^Sign out ${PHONE}`) })
      .click();
    await laptop.getByRole("button", { name: `Yes, sign out ${PHONE}` }).click();
    await expect.poll(() => laptop.getByText(`${PHONE} is signed out.`).count()).toBe(1);
    await expect.poll(() => sessionList(laptop).count()).toBe(1);
    await expectSentToSignIn(phone);
    // The laptop goes on.
    await laptop.goto("/my");
    await laptop.waitForURL("**/my");

    // Sign in on the phone again, then sign out everywhere from the laptop: both end.
    await signedIn(phone, person);
    await openAccount(laptop);
    await expect.poll(() => sessionList(laptop).count()).toBe(2);
    await laptop.getByRole("button", { name: "Sign out everywhere", exact: true }).click();
    await laptop.getByRole("button", { name: "Yes, sign out everywhere" }).click();
    await laptop.waitForURL(/\/login/);
    await expectSentToSignIn(laptop);
    await expectSentToSignIn(phone);
  });

  it("signs out all other devices and keeps this one", async () => {
    const person = await createPerson(await adminSession(), "viewer");
    const laptop = await device();
    const phone = await device({ userAgent: PHONE_UA, width: 390 });
    await signIn(laptop, person.email, person.password);
    await laptop.waitForURL("**/dashboard");
    await signIn(phone, person.email, person.password);
    await phone.waitForURL("**/dashboard");

    // From the phone this time, at its own width.
    await openAccount(phone);
    await expect.poll(() => sessionList(phone).count()).toBe(2);
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.getByRole("button", { name: "Sign out all other devices" }).click();
    await phone.getByRole("button", { name: "Sign them out" }).click();
    await expect.poll(() => phone.getByText("1 other session is signed out.").count()).toBe(1);
    await expect.poll(() => sessionList(phone).count()).toBe(1);
    await expectSentToSignIn(laptop);
    await phone.goto("/dashboard");
    await phone.waitForURL("**/dashboard");
  });
});
