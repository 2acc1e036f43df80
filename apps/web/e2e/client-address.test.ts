import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, createServerDatabase, startApp } from "./support/app-server";
import { HttpSession } from "./support/http-session";
import { uniqueEmail } from "./support/people";

/**
 * Which address the per-address sign-in limit counts, over HTTP against the
 * app as `pnpm start` runs it. Exposed directly (no TRUSTED_PROXIES), made-up
 * X-Forwarded-For addresses are ignored and the connection counts; the app
 * global-setup started trusts loopback as its proxy, and there they count.
 */
let direct: AppServer;
let database: Awaited<ReturnType<typeof createServerDatabase>> | null = null;

beforeAll(async () => {
  database = process.env.DATABASE_URL ? await createServerDatabase(process.env.DATABASE_URL) : null;
  direct = await startApp({
    databaseUrl: database?.url ?? "",
    logFile: path.resolve(import.meta.dirname, "../../../artifacts/e2e-direct-server.log"),
  });
}, 120_000);
afterAll(async () => {
  await direct?.stop();
  await database?.drop();
});

/** One failed sign-in of a fresh email from `forwardedFor`, answered by `base`. */
const fail = (base: string | undefined, forwardedFor: string) =>
  new HttpSession({ "x-forwarded-for": forwardedFor }, base).signIn(uniqueEmail("spray"), "wrong-password-123");

describe("the address the sign-in limit counts", () => {
  it("is the connection's when the app is exposed directly: 80 failures from 80 made-up addresses lock it at 50", async () => {
    const answers: (string | null)[] = [];
    for (let i = 0; i < 80; i++) answers.push(await fail(direct.baseURL, `198.18.${i}.1`));
    expect(answers.slice(0, 50)).toEqual(Array(50).fill("CredentialsSignin"));
    expect(answers.slice(50)).toEqual(Array(30).fill("TooManyAttempts"));
    // Whatever else the client claims to be, and without the header at all.
    expect(await fail(direct.baseURL, "203.0.113.200, 198.51.100.200")).toBe("TooManyAttempts");
    expect(await new HttpSession({}, direct.baseURL).signIn(uniqueEmail("plain"), "wrong-password-123")).toBe(
      "TooManyAttempts",
    );
  });

  it("is the forwarded one when the connection comes from a trusted proxy", async () => {
    const answers: (string | null)[] = [];
    for (let i = 0; i < 60; i++) answers.push(await fail(undefined, `198.19.${i}.1`));
    expect(answers).toEqual(Array(60).fill("CredentialsSignin"));
  });
});
