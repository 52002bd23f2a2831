import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Unit and integration tests. NEWSDESK_TEST_DB picks the database every
 * integration test file gets a fresh copy of: "pglite" (default, in memory)
 * or "postgres" (a throwaway database per file on TEST_DATABASE_URL's server).
 */
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The real package throws outside React Server Components; tests import
      // server modules directly.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "prisma/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts"],
    environment: "node",
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/setup-file.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: "test", NEWSDESK_TIME_ZONE: "Asia/Baku", TZ: "America/New_York", NEXTAUTH_SECRET: "vitest-only-session-secret-0123456789abcdef" },
  },
});
