import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createServerDatabase, startApp, webRoot } from "./app-server";
import { CHROMIUM_PATH } from "./browser";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    dataDir: string;
  }
}

/**
 * Starts the built app the way a user does (the local launcher, `next start`)
 * on a free port with a database of its own: a fresh PGlite folder, or a new
 * database on the server when DATABASE_URL is set. The tests sign in with the
 * demo accounts, so it asks for the demo (MERIDIAN_DEMO=1), which a server
 * does not seed unasked.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}: run \`pnpm test\` from the repository root, which installs it.`,
    );
  }
  if (!existsSync(path.join(webRoot, ".next", "BUILD_ID"))) {
    throw new Error(
      "apps/web is not built: run `pnpm test` from the repository root (it builds first) or `pnpm build`.",
    );
  }

  const dataDir = mkdtempSync(path.join(tmpdir(), "meridian-e2e-"));
  const database = process.env.DATABASE_URL ? await createServerDatabase(process.env.DATABASE_URL) : null;
  let app: Awaited<ReturnType<typeof startApp>>;
  try {
    app = await startApp(
      {
        ...process.env,
        MERIDIAN_DATA_DIR: dataDir,
        MERIDIAN_DEMO: "1",
        NEXTAUTH_SECRET: "",
        DATABASE_URL: database?.url ?? "",
      },
      "e2e-server.log",
    );
  } catch (error) {
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide("baseURL", app.baseURL);
  project.provide("dataDir", dataDir);

  return async () => {
    await app.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
