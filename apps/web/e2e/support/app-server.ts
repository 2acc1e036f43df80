import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

export const webRoot = path.resolve(import.meta.dirname, "../..");

export interface AppServer {
  baseURL: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM, then SIGKILL after 5 s; resolves with the exit code (null when killed). */
  stop(): Promise<number | null>;
}

export interface StartAppOptions {
  /** The server's DATABASE_URL; empty for a fresh PGlite folder. */
  databaseUrl?: string;
  /** Where the server's output is also written, for reading after a failed test. */
  logFile?: string;
  env?: Record<string, string>;
  /** Variables the server must not see, even those set here by default (a switch under test). */
  unset?: string[];
}

export function assertBuilt(): void {
  if (!existsSync(path.join(webRoot, ".next", "BUILD_ID"))) {
    throw new Error(
      "apps/web is not built: run `pnpm test` from the repository root (it builds first) or `pnpm build`.",
    );
  }
}

/**
 * Starts the built app the way a user does (the local launcher, `next start`)
 * on a free port with a data folder of its own, and waits (90 s at most)
 * until it serves the login page.
 */
export async function startApp(options: StartAppOptions = {}): Promise<AppServer> {
  assertBuilt();
  const dataDir = mkdtempSync(path.join(tmpdir(), "meridian-e2e-"));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    MERIDIAN_DATA_DIR: dataDir,
    NEXTAUTH_URL: baseURL,
    NEXTAUTH_SECRET: "",
    DATABASE_URL: options.databaseUrl ?? "",
    // Exposed directly unless a test says otherwise: forwarded headers do not count.
    TRUSTED_PROXIES: "",
    // The tests sign in with the demo accounts, which a server seeds only when asked.
    MERIDIAN_DEMO: "1",
    ...options.env,
  };
  for (const name of options.unset ?? []) delete env[name];
  const server = spawn(process.execPath, ["scripts/serve.mjs", "start"], {
    cwd: webRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  if (options.logFile) {
    mkdirSync(path.dirname(options.logFile), { recursive: true });
    writeFileSync(options.logFile, "");
  }
  const keep = (d: Buffer) => {
    output += d;
    if (options.logFile) appendFileSync(options.logFile, d);
  };
  server.stdout?.on("data", keep);
  server.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));

  const app: AppServer = {
    baseURL,
    dataDir,
    process: server,
    output: () => output,
    async stop() {
      if (server.exitCode === null && server.signalCode === null) {
        server.kill("SIGTERM");
        const timer = setTimeout(() => server.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
      return server.exitCode;
    },
  };
  try {
    await waitForLogin(baseURL, server, () => output);
  } catch (error) {
    await app.stop();
    throw error;
  }
  return app;
}

async function waitForLogin(baseURL: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The app exited during startup:\n${output()}`);
    try {
      const response = await fetch(`${baseURL}/login`, { signal: AbortSignal.timeout(10_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app did not serve /login within 90 s:\n${output()}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** A new, empty database on the server of `serverUrl`; `drop()` removes it. */
export async function createServerDatabase(serverUrl: string, prefix = "meridian_e2e") {
  const name = `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
