import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "@meridian/db";

export class MissingSecretError extends Error {
  constructor() {
    super(
      "NEXTAUTH_SECRET is not set. In production Meridian needs a session-signing secret shared by every instance: " +
        "set NEXTAUTH_SECRET to a long random string (for example the output of `openssl rand -base64 32`).",
    );
    this.name = "MissingSecretError";
  }
}

/**
 * The session-signing secret. Taken from NEXTAUTH_SECRET; in local (non-production)
 * use one is generated once and kept under `.data/`, so sessions survive restarts.
 */
export function authSecret(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.NEXTAUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  if (env.NODE_ENV === "production") throw new MissingSecretError();
  return localSecret();
}

/** Reads or creates `.data/auth-secret` (mode 600). */
export function localSecret(): string {
  const dir = dataDir();
  const file = path.join(dir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
}
