import { existsSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { assertBuilt, createServerDatabase, startApp } from "./app-server";
import { CHROMIUM_PATH } from "./browser";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    dataDir: string;
    /** The file the shared server's output goes to (its JSON log lines among it). */
    serverLogFile: string;
  }
}

const webRoot = path.resolve(import.meta.dirname, "../..");

/**
 * Starts the built app the way a user does (the local launcher, `pnpm start`)
 * on a free port with a database of its own: a fresh PGlite folder, or a new
 * database on the server when DATABASE_URL is set.
 *
 * The test clients stand in for a reverse proxy here: they send
 * X-Forwarded-For to act from many addresses, so loopback is a trusted proxy
 * (e2e/client-address.test.ts starts its own app without one). The tests sign
 * in with the demo accounts, so it asks for the demo (MERIDIAN_DEMO=1), which a
 * server does not seed unasked.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}: run \`pnpm test\` from the repository root, which installs it.`,
    );
  }
  assertBuilt();
  const database = process.env.DATABASE_URL ? await createServerDatabase(process.env.DATABASE_URL) : null;
  // Also kept on disk, so a failing test's server-side error can be read afterwards.
  const logFile = path.resolve(webRoot, "../../artifacts/e2e-server.log");
  let app: Awaited<ReturnType<typeof startApp>>;
  try {
    // The test clients stand in for a proxy on loopback: what they send as X-Forwarded-For counts.
    app = await startApp({
      databaseUrl: database?.url ?? "",
      logFile,
      // Webhook tests deliver to a receiver they start on 127.0.0.1, which a deployment refuses by default.
      env: { TRUSTED_PROXIES: "127.0.0.1, ::1", MERIDIAN_WEBHOOKS_ALLOW_PRIVATE: "1" },
    });
  } catch (error) {
    await database?.drop();
    throw error;
  }
  project.provide("baseURL", app.baseURL);
  project.provide("dataDir", app.dataDir);
  project.provide("serverLogFile", logFile);

  return async () => {
    await app.stop();
    await database?.drop();
  };
}
