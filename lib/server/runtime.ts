import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { describeDbTarget, resolveDbTarget } from "../db/connect";
import { getDatabaseHealth } from "../db/process-health";
import { isDatabaseUnavailableError } from "../db/unavailable";
import { openDatabaseAtStartup } from "../db/startup";
import { getEnv } from "../env";
import { logger } from "../log";
import { installPublicCache } from "../public-cache/install";
import { getPublicCacheState } from "../public-cache/state";
import { answerHealthProbe, isHealthProbePath } from "./health-endpoints";
import { sendOutage } from "./outage-page";
import { outageRequests } from "./request-errors";
import { guardResponse } from "./response-guard";
import { closeProcessDatabase } from "../db";

/**
 * What lib/server/start-server.mjs (plain JavaScript, outside the bundle)
 * calls into: health probes, the response guard, readiness and shutdown.
 */
export interface ServerHooks {
  /** Answers /healthz and /readyz; false for any other request. */
  handleProbe(req: IncomingMessage, res: ServerResponse): boolean;
  /** Turns a 500 caused by a database outage into the readable 503. */
  guard(req: IncomingMessage, res: ServerResponse): void;
  /** Resolves once the database is reachable and migrated. */
  whenDatabaseReady(): Promise<void>;
  /** SIGTERM: /readyz answers 503 from now on (load balancers stop sending). */
  beginShutdown(): void;
  /** Closes the pools, the notification listener and the embedded database's lock. */
  close(): Promise<void>;
}

const HOOKS_KEY = Symbol.for("newsdesk.server.hooks");

/**
 * Next.js prints every render error with its stack to stderr. During an
 * outage that is one stack per request for the same known fault, which the
 * health monitor already logs once as a JSON line (down, then up): those are
 * dropped; every other error still goes through.
 */
function quietOutageErrors(): void {
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args.some((arg) => arg instanceof Error && isDatabaseUnavailableError(arg))) return;
    print(...args);
  };
}

/**
 * Start-up of one server process (instrumentation.ts). It never throws for
 * an unreachable database: the process listens at once, answers /healthz,
 * a 503 on /readyz and on pages until the database is reachable and
 * migrated — it waits with backoff and says so in the log — then serves
 * normally with no restart. The embedded database is local, so there is no
 * outage to wait for: a locked or unmigrated one ends the process with a
 * clear message instead.
 */
export async function startServerRuntime(): Promise<void> {
  const target = resolveDbTarget();
  const health = getDatabaseHealth();
  if (target.kind === "pglite") {
    await openDatabaseAtStartup();
    const readiness = await health.start();
    if (!readiness.ok) {
      console.error(`\n✗ ${describeDbTarget(target)} is not ready: ${readiness.reason}\n`);
      process.exit(1);
    }
  } else {
    void health.start();
  }
  quietOutageErrors();
  await installPublicCache();

  let isShuttingDown = false;
  const siteName = getEnv().NEWSDESK_SITE_NAME;
  const hooks: ServerHooks = {
    handleProbe(req, res) {
      if (!isHealthProbePath(req.url)) return false;
      void answerHealthProbe(req, res, { health, isShuttingDown: () => isShuttingDown });
      return true;
    },
    guard(req, res) {
      const header = req.headers["x-request-id"];
      const reqId = typeof header === "string" ? header : undefined;
      res.once("close", () => reqId && outageRequests().delete(reqId));
      guardResponse(req, res, {
        isOutage: async () => {
          if ((reqId && outageRequests().has(reqId)) || health.isDown()) return true;
          return !(await health.probeNow()).ok;
        },
        sendOutage: (request, response) => {
          logger.warn({ event: "request-outage", reqId, method: req.method, path: req.url }, "answered 503: database unavailable");
          sendOutage(request, response, siteName);
        },
      });
    },
    whenDatabaseReady: () => health.whenReady(),
    beginShutdown() {
      isShuttingDown = true;
    },
    async close() {
      health.stop();
      await getPublicCacheState().freshness?.stop?.();
      await closeProcessDatabase();
    },
  };
  (globalThis as unknown as Record<symbol, ServerHooks>)[HOOKS_KEY] = hooks;
}
