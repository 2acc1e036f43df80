import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The repository root, found by walking up from the working directory. Works
 * the same from a package's tests, a script, or `next start` in apps/web,
 * where bundling makes module-relative paths unreliable.
 */
export function workspaceRoot(from = process.cwd()): string {
  let dir = path.resolve(/*turbopackIgnore: true*/ from);
  for (;;) {
    if (existsSync(path.join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No pnpm-workspace.yaml above ${from}: run Meridian from its repository.`);
    dir = parent;
  }
}

/** Local state (embedded database, generated secrets): `.data/` unless MERIDIAN_DATA_DIR says otherwise. */
export function dataDir(): string {
  return process.env.MERIDIAN_DATA_DIR
    ? path.resolve(process.env.MERIDIAN_DATA_DIR)
    : path.join(workspaceRoot(), ".data");
}

export function migrationsFolder(): string {
  return path.join(workspaceRoot(), "packages", "db", "migrations");
}
