import path from "node:path";
import { defineConfig } from "vitest/config";

// Two projects: `unit` (pure web logic, node, no build) and `e2e` (one built app, started once, driven by
// headless Chromium). `npx vitest run --project unit` runs the first alone. A third, `drills` (the outage
// drill under load, 30+ s), exists only when MERIDIAN_DRILLS is set: `pnpm test:drills`, never `pnpm test`.
const drills = {
  test: {
    name: "drills",
    include: ["e2e/drills/**/*.drill.ts"],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: { "~": path.resolve(import.meta.dirname, "src") } },
        test: {
          name: "unit",
          include: ["src/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          globalSetup: ["e2e/support/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          // A page on a loaded 2-core machine can take seconds to hydrate; 1 s (the default) flakes.
          expect: { poll: { timeout: 15_000 } },
          hookTimeout: 120_000,
        },
      },
      ...(process.env.MERIDIAN_DRILLS ? [drills] : []),
    ],
  },
});
