import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import postgres from "postgres";

export const webRoot = path.resolve(import.meta.dirname, "../..");

export interface AppServer {
  baseURL: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the built app the way a user does (the local launcher, `next start`)
 * on a free port, with `env` as its whole environment (PORT and NEXTAUTH_URL
 * added), and waits until it serves /login. Its output is also kept in
 * `artifacts/<logName>`, so a failing test's server-side error can be read afterwards.
 */
export async function startApp(env: NodeJS.ProcessEnv, logName: string): Promise<AppServer> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["scripts/serve.mjs", "start"], {
    cwd: webRoot,
    env: { ...env, PORT: String(port), NEXTAUTH_URL: baseURL },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
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
  return { baseURL, output: () => output, stop: () => stop(server) };
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

/** A new, empty database on the server of `serverUrl`, dropped by `drop()`. */
export async function createServerDatabase(serverUrl: string, prefix = "meridian_e2e") {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
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
