import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { startApp } from "./app-server";
import { CHROMIUM_PATH } from "./browser";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    dataDir: string;
  }
}

/**
 * Starts the built app the way a user does (the local launcher, `pnpm start`)
 * on a free port with a database of its own: a fresh PGlite folder, or a new
 * database on the server when DATABASE_URL is set.
 *
 * The test clients stand in for a reverse proxy here: they send
 * X-Forwarded-For to act from many addresses, so loopback is a trusted proxy
 * (e2e/client-address.test.ts starts its own app without one).
 */
export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}: run \`pnpm test\` from the repository root, which installs it.`,
    );
  }
  const app = await startApp({ TRUSTED_PROXIES: "127.0.0.1, ::1" }, "e2e-server.log");
  project.provide("baseURL", app.baseURL);
  project.provide("dataDir", app.dataDir);
  return app.stop;
}
