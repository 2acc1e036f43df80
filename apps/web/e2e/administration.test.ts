import AxeBuilder from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOME, launchBrowser, logIn, newPage, screenshot, signIn } from "./support/browser";
import { uniqueEmail } from "./support/people";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("administration in the browser", () => {
  it("lands each role on its own home", async () => {
    for (const role of ["admin", "manager", "member", "viewer"] as const) {
      const page = await newPage(browser);
      await logIn(page, role);
      expect(new URL(page.url()).pathname).toBe(HOME[role]);
      await screenshot(page, `home-${role}`);
      await page.context().close();
    }
  });

  it("lets an admin invite a person who must replace the temporary password, then deactivate them mid-session", async () => {
    const email = uniqueEmail("new.hire");
    const admin = await newPage(browser);
    await logIn(admin, "admin");
    await admin.goto("/settings/users");
    const form = admin.getByRole("form", { name: "Add a person" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Full name").fill("Nora New");
    await form.getByLabel("Role").selectOption("member");
    await form.getByRole("button", { name: "Add person" }).click();
    const temporary = (await admin.getByTestId("temporary-password").textContent())?.trim() ?? "";
    expect(temporary).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
    await screenshot(admin, "settings-users-invited");
    // The table searches name and email on the server.
    const search = admin.getByLabel("Search by name or email");
    await search.fill(email);
    const rows = admin.getByRole("table").getByRole("row");
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toContain("Nora New");
    await search.fill("nobody by this name");
    await expect.poll(() => admin.getByText("Nobody matches.").count()).toBe(1);
    await search.fill("");

    const person = await newPage(browser);
    await signIn(person, email, temporary);
    await person.waitForURL("**/account/password");
    // Nothing else is reachable until the password is replaced.
    await person.goto("/dashboard");
    await person.waitForURL("**/account/password");
    await person.getByLabel("Current password").fill(temporary);
    await person.getByLabel("New password", { exact: true }).fill("password1234");
    await person.getByLabel("Confirm new password").fill("password1234");
    await person.getByRole("button", { name: "Change password" }).click();
    await expect.poll(() => person.getByText("This password is too common").count()).toBe(1);
    await screenshot(person, "account-password-rejected");
    await person.getByLabel("New password", { exact: true }).fill("nora-picks-a-strong-one");
    await person.getByLabel("Confirm new password").fill("nora-picks-a-strong-one");
    await person.getByRole("button", { name: "Change password" }).click();
    await person.waitForURL("**/my");
    await person.getByRole("heading", { name: "What I own this cycle" }).waitFor();

    await admin.reload();
    await admin.getByRole("button", { name: "Deactivate Nora New" }).click();
    await admin.getByRole("button", { name: "Confirm deactivating Nora New" }).click();
    await expect.poll(() => admin.getByRole("button", { name: "Reactivate Nora New" }).count()).toBe(1);

    // The person's open session stops working on their next request.
    await person.reload();
    await person.waitForURL("**/login**");
    await signIn(person, email, "nora-picks-a-strong-one");
    await expect
      .poll(() => person.locator("form").getByRole("alert").textContent())
      .toBe("Email or password is incorrect.");

    await admin.goto("/settings/audit");
    await expect.poll(() => admin.getByText("user.deactivated").count()).toBeGreaterThan(0);
    await screenshot(admin, "settings-audit");
    await admin.context().close();
    await person.context().close();
  });

  it("lets an admin build the team tree and refuses to move a team under its own sub-team", async () => {
    const page = await newPage(browser);
    await logIn(page, "admin");
    await page.goto("/settings/teams");
    const form = page.getByRole("form", { name: "New team" });
    await form.getByLabel("Team name").fill("Growth Marketing");
    await form.getByLabel("Part of").selectOption({ label: "— Marketing" });
    await form.getByRole("button", { name: "Create team" }).click();
    const growth = page.getByRole("listitem", { name: "Team Growth Marketing" });
    await growth.waitFor();
    // The tree lists each team with its head count; opening a team loads its people.
    const growthToggle = growth.getByRole("button", { name: /^Growth Marketing\b/ });
    expect(await growthToggle.textContent()).toContain("0 people");
    expect(await growthToggle.getAttribute("aria-expanded")).toBe("false");
    await growthToggle.click();
    await expect.poll(() => growthToggle.getAttribute("aria-expanded")).toBe("true");
    await expect.poll(() => growth.getByText("No one is on Growth Marketing yet.").count()).toBe(1);
    // A member is found with the person picker, searched on the server.
    await growth.getByRole("searchbox", { name: "Search people to add to Growth Marketing" }).fill("rivera");
    const add = growth.getByLabel("Add a person to Growth Marketing");
    await expect.poll(() => add.locator("option").allTextContents()).toEqual(["Add person…", "Sam Rivera"]);
    await add.selectOption({ label: "Sam Rivera" });
    await growth.getByRole("button", { name: "Add", exact: true }).click();
    await expect
      .poll(() => growth.getByRole("list", { name: "People in Growth Marketing" }).textContent())
      .toContain("Sam Rivera");
    await expect.poll(() => growthToggle.textContent()).toContain("1 person");
    // Marketing's people, leads first, opened from the keyboard.
    const marketing = page.getByRole("listitem", { name: "Team Marketing" }).first();
    await marketing.getByRole("button", { name: /^Marketing\b/ }).focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => marketing.getByRole("list", { name: "People in Marketing" }).getByRole("listitem").allTextContents())
      .toEqual(["Maya Chen✓Lead×", "Sam Rivera+Lead×"]);
    // Moving Marketing under its own child is refused with a clear message.
    await marketing.getByLabel("Part of").selectOption({ label: "Growth Marketing" });
    await expect
      .poll(() => page.getByText("A team cannot be moved under itself or its own sub-teams.").count())
      .toBe(1);
    await screenshot(page, "settings-teams");
    // Opened teams have no serious accessibility violation (their lead toggles are named by their text).
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    expect(serious).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "settings-teams-390");
    await page.context().close();
  });

  it("saves organization settings and shows inline errors for bad values", async () => {
    const page = await newPage(browser);
    await logIn(page, "admin");
    await page.goto("/settings");
    await page.getByLabel("Default cycle length (months)").fill("13");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => page.getByText("A cycle lasts 1 to 12 months.").count()).toBe(1);
    await page.getByLabel("Default cycle length (months)").fill("6");
    await page.getByLabel("Fiscal year starts in").selectOption({ label: "April" });
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe("Settings saved.");
    await page.reload();
    // The form's fields take their stored values when it hydrates.
    await expect.poll(() => page.getByLabel("Default cycle length (months)").inputValue()).toBe("6");
    await screenshot(page, "settings-organization");
    await page.context().close();
  });
});
