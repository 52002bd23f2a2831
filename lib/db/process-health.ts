import "server-only";
import { logger } from "../log";
import { DatabaseHealth } from "./health";
import { db } from "./index";
import { checkReadiness } from "./readiness";

// Instrumentation, route handlers and the server's hooks are bundled
// separately but share one process: the monitor lives on globalThis.
const HEALTH_KEY = Symbol.for("newsdesk.db.health");
const holder = globalThis as unknown as Record<typeof HEALTH_KEY, DatabaseHealth | undefined>;

/** The process's database health monitor (lib/db/health.ts), created on first use. */
export function getDatabaseHealth(): DatabaseHealth {
  let health = holder[HEALTH_KEY];
  if (!health) {
    health = new DatabaseHealth({ check: () => checkReadiness(db), log: logger });
    holder[HEALTH_KEY] = health;
  }
  return health;
}
