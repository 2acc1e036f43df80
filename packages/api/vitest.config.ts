import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    benchmark: { include: ["test/bench/**/*.bench.ts"] },
  },
});
