import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { workspaceRoot } from "@meridian/db";
import { describe, expect, it } from "vitest";

/**
 * Test support (factories, fuzz arbitraries, fingerprints, test databases,
 * benchmark data) lives in each package's test/ and is never imported by
 * production code: no file under a src/ folder, other than tests themselves,
 * may import from a test/ (or e2e/) folder, from a package's `testing`
 * subpath, or from fast-check.
 */

const root = workspaceRoot();
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const TEST_FILE = /\.(test|spec|bench)\.[cm]?[jt]sx?$/;

function sourceRoots(): string[] {
  const packages = readdirSync(path.join(root, "packages"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(root, "packages", entry.name, "src"));
  return [...packages, path.join(root, "apps", "web", "src")];
}

function productionFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name) && !TEST_FILE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.split(path.sep).includes("node_modules"));
}

/** Every module specifier a file names: static and type imports, re-exports, import(), require(). */
function specifiersOf(code: string): string[] {
  const patterns = [
    /\b(?:import|export)\s[^;"'`]*?\sfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\b(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  return patterns
    .flatMap((pattern) => [...code.matchAll(pattern)])
    .sort((a, b) => a.index - b.index)
    .map((match) => match[1] ?? "");
}

/** Why importing `specifier` from `file` pulls test support into production code, or null when it does not. */
function testSupportReason(file: string, specifier: string): string | null {
  if (specifier === "fast-check" || specifier.startsWith("fast-check/")) return "fast-check";
  if (/^@meridian\/[^/]+\/testing(\/|$)/.test(specifier)) return "a package's testing subpath";
  if (specifier.startsWith(".")) {
    const segments = path.relative(root, path.resolve(path.dirname(file), specifier)).split(path.sep);
    if (segments.includes("test") || segments.includes("e2e")) return "a test folder";
  }
  return null;
}

describe("production code never imports test support", () => {
  const files = sourceRoots().flatMap(productionFiles);

  it("finds the source files it checks", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain(path.join(root, "packages", "api", "src", "server.ts"));
  });

  it("no file under a src/ folder imports from test/, a testing subpath or fast-check", () => {
    const offences = files.flatMap((file) =>
      specifiersOf(readFileSync(file, "utf8")).flatMap((specifier) => {
        const reason = testSupportReason(file, specifier);
        return reason ? [`${path.relative(root, file)} imports "${specifier}" (${reason})`] : [];
      }),
    );
    expect(offences).toEqual([]);
  });

  it("recognizes each kind of forbidden import", () => {
    const file = path.join(root, "packages", "api", "src", "modules", "okr", "objectives.queries.ts");
    const code = [
      'import { callerFor } from "../../../test/support";',
      'import type { Fingerprint } from "../../../test/support/fingerprint";',
      'export { createTestDatabase } from "@meridian/db/testing";',
      'import fc from "fast-check";',
      'const bench = await import("../../../test/bench/okr-reads.bench");',
      'import { recordActivity } from "../../lib/activity";',
      'import { eq } from "@meridian/db";',
    ].join("\n");
    const reasons = specifiersOf(code).map((specifier) => testSupportReason(file, specifier));
    expect(reasons).toEqual([
      "a test folder",
      "a test folder",
      "a package's testing subpath",
      "fast-check",
      "a test folder",
      null,
      null,
    ]);
  });
});
