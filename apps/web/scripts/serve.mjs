#!/usr/bin/env node
// Local launcher for `start` / `next dev`: supplies what a developer's
// machine lacks (a session secret kept under .data/, NEXTAUTH_URL) and leaves
// anything already set in the environment alone. `start` runs scripts/server.mjs
// (Next.js in a server that appends the connection's address to
// X-Forwarded-For, see there); production runs that too, with its own
// NEXTAUTH_SECRET, and never needs this launcher.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const port = process.env.PORT ?? "3000";
const repoRoot = path.resolve(import.meta.dirname, "../../..");
const dataDir = process.env.MERIDIAN_DATA_DIR
  ? path.resolve(process.env.MERIDIAN_DATA_DIR)
  : path.join(repoRoot, ".data");

function localSecret() {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const env = { ...process.env };
env.NEXTAUTH_SECRET ||= localSecret();
env.NEXTAUTH_URL ||= `http://localhost:${port}`;

env.PORT = port;
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const args = mode === "dev" ? [nextBin, "dev", "-p", port] : [path.join(import.meta.dirname, "server.mjs")];
const child = spawn(process.execPath, args, { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
