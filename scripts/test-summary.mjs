#!/usr/bin/env node
// Adds up Vitest's per-package "Tests" lines from a `pnpm test` log into one
// closing line, "Tests: N passed, N failed", for CI to read.
import { readFileSync } from "node:fs";

// biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colours
const log = readFileSync(process.argv[2] ?? 0, "utf8").replace(/\x1b\[[0-9;]*m/g, "");
let passed = 0;
let failed = 0;
let skipped = 0;
for (const line of log.split("\n")) {
  const match = line.match(/^\S*:?\s*Tests\s+(.*)\(\d+\)\s*$/);
  if (!match?.[1]) continue;
  for (const part of match[1].split("|")) {
    const [count, kind] = part.trim().split(/\s+/);
    const n = Number(count);
    if (kind === "passed") passed += n;
    else if (kind === "failed") failed += n;
    else if (kind === "skipped" || kind === "todo") skipped += n;
  }
}
console.info(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
