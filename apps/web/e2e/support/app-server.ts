import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

const webRoot = path.resolve(import.meta.dirname, "../..");

export interface RunningApp {
  baseURL: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The built app on a free port with a fresh database, started with `env` on
 * top of the test's own, its output kept in artifacts/<logName>.
 */
export async function startApp(env: Record<string, string>, logName: string): Promise<RunningApp> {
  if (!existsSync(path.join(webRoot, ".next", "BUILD_ID"))) {
    throw new Error(
      "apps/web is not built: run `pnpm test` from the repository root (it builds first) or `pnpm build`.",
    );
  }

  const dataDir = mkdtempSync(path.join(tmpdir(), "meridian-e2e-"));
  const database = process.env.DATABASE_URL ? await createServerDatabase(process.env.DATABASE_URL) : null;
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["scripts/serve.mjs", "start"], {
    cwd: webRoot,
    env: {
      ...process.env,
      PORT: String(port),
      MERIDIAN_DATA_DIR: dataDir,
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "",
      DATABASE_URL: database?.url ?? "",
      TRUSTED_PROXIES: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  // Also kept on disk, so a failing test's server-side error can be read afterwards.
  const logFile = path.resolve(webRoot, "../../artifacts", logName);
  mkdirSync(path.dirname(logFile), { recursive: true });
  writeFileSync(logFile, "");
  const keep = (d: Buffer) => {
    output += d;
    appendFileSync(logFile, d);
  };
  server.stdout?.on("data", keep);
  server.stderr?.on("data", keep);

  try {
    await waitForLogin(baseURL, server, () => output);
  } catch (error) {
    await stop(server);
    throw error;
  }
  return {
    baseURL,
    dataDir,
    async stop() {
      await stop(server);
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForLogin(baseURL: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The app exited during startup:\n${output()}`);
    try {
      const response = await fetch(`${baseURL}/login`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app did not serve /login within 90 s:\n${output()}`);
}

async function stop(server: ChildProcess) {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  if (server.exitCode === null) server.kill("SIGKILL");
}

function freePort(): Promise<number> {
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

async function createServerDatabase(serverUrl: string) {
  const name = `meridian_e2e_${Date.now().toString(36)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
