/**
 * `npm start`: serves the built app (`npm run build`) with the public page
 * cache in front of Next.js.
 *
 *   node lib/server/start-server.mjs [-p <port>] [-H <hostname>]
 *
 * Same options as `next start` (PORT also works). Why a server of our own:
 * a cached page must be answered before Next.js's router and proxy run —
 * from Next's proxy a cache hit costs about as much as serving a static file
 * through it, several times slower than answering here (README, "Caching").
 * The cache itself is TypeScript inside the app (lib/public-cache): the
 * app's instrumentation hook publishes it on globalThis, and this file only
 * puts it in front. Plain `next start` still serves the same site, uncached.
 *
 * On PostgreSQL it runs one process per core (NEWSDESK_WORKERS, see
 * ./worker-count.mjs) sharing the port through node:cluster: Node renders on
 * one core, and an uncached page costs a few milliseconds of it.
 */
import cluster from "node:cluster";
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import next from "next";
import { guardRequests } from "./request-guard.mjs";
import { resolveWorkerCount } from "./worker-count.mjs";

const FRONT_KEY = Symbol.for("newsdesk.publicCache.front");
// Published by the app's instrumentation hook (lib/server/runtime.ts).
const HOOKS_KEY = Symbol.for("newsdesk.server.hooks");
const DATABASE_READY_MESSAGE = "newsdesk:database-ready";
/** In-flight requests get this long to finish after SIGTERM (NEWSDESK_SHUTDOWN_TIMEOUT_SECONDS). */
const shutdownTimeoutMs = Math.max(0, Number(process.env.NEWSDESK_SHUTDOWN_TIMEOUT_SECONDS ?? 10) || 0) * 1000;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function readOptions(argv) {
  const options = { port: Number(process.env.PORT ?? 3000), hostname: undefined };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    const value = inline ?? argv[i + 1];
    if (flag === "-p" || flag === "--port") options.port = Number(value);
    else if (flag === "-H" || flag === "--hostname") options.hostname = value;
    else continue;
    if (inline === undefined) i++;
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error(`Invalid port: ${options.port}`);
  }
  return options;
}

const { port, hostname } = readOptions(process.argv.slice(2));
process.env.NODE_ENV = "production";
process.env.PORT = String(port);
// Tells the app's instrumentation hook to start the cache (`next start` has no front to use it).
process.env.NEWSDESK_PAGE_CACHE_FRONT = "1";
const origin = `http://${hostname ?? "localhost"}:${port}`;

if (cluster.isPrimary) {
  const workers = resolveWorkerCount(process.env, os.availableParallelism());
  if ("error" in workers) {
    console.error(`✗ ${workers.error}`);
    process.exit(1);
  }
  if (workers.count > 1) superviseWorkers(workers.count);
  else await serve();
} else {
  await serve();
}

/** One server process: health probes, the outage guard, the page cache front, then Next.js. */
async function serve() {
  const dir = path.resolve(import.meta.dirname, "../..");
  const app = next({ dev: false, dir, hostname: hostname ?? "localhost", port });
  await app.prepare();
  await registerInstrumentation(dir);
  const handle = app.getRequestHandler();
  const hooks = () => globalThis[HOOKS_KEY];
  let isStopping = false;

  const server = http.createServer((req, res) => {
    // One id per request, in the log lines it causes and echoed to the client.
    const claimed = req.headers["x-request-id"];
    const requestId = typeof claimed === "string" && REQUEST_ID.test(claimed) ? claimed : randomUUID();
    req.headers["x-request-id"] = requestId;
    res.setHeader("x-request-id", requestId);
    // Like a proxy, append the peer to X-Forwarded-For: the client address is
    // read from its right end (lib/security/client-address.ts), never trusted from the client.
    const peer = req.socket.remoteAddress;
    if (peer) req.headers["x-forwarded-for"] = req.headers["x-forwarded-for"] ? `${req.headers["x-forwarded-for"]}, ${peer}` : peer;
    if (isStopping) res.setHeader("connection", "close");
    if (hooks()?.handleProbe(req, res)) return;
    hooks()?.guard(req, res);
    const toNext = () => {
      handle(req, res).catch((error) => {
        console.error(error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end("Internal Server Error");
      });
    };
    const front = globalThis[FRONT_KEY];
    if (front) front(req, res, toNext);
    else toNext();
  });
  guardRequests(server); // 400 for malformed addresses, 405/OPTIONS, unreadable requests (./request-guard.mjs)

  server.listen(port, hostname, () => {
    if (!hooks()) {
      if (cluster.isPrimary) console.log(`▲ Newsdesk ready on ${origin}`);
      return;
    }
    if (cluster.isPrimary) console.log(`▲ Newsdesk listening on ${origin}; waiting for the database before serving pages`);
    hooks().whenDatabaseReady().then(() => {
      if (cluster.isPrimary) console.log(`▲ Newsdesk ready on ${origin}`);
      else process.send?.({ type: DATABASE_READY_MESSAGE });
    });
  });

  // SIGTERM: stop accepting, let in-flight requests (and their transactions)
  // finish within the timeout, close the database (pools, the embedded
  // database's lock), exit 0. /readyz says "shutting down" meanwhile.
  const shutDown = (signal) => {
    if (isStopping) return;
    isStopping = true;
    if (cluster.isPrimary) console.log(`${signal}: finishing requests in flight (at most ${shutdownTimeoutMs / 1000} s), then closing`);
    hooks()?.beginShutdown();
    const finish = async () => {
      await Promise.race([hooks()?.close(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]).catch(() => {});
      process.exit(0);
    };
    server.close(() => void finish());
    server.closeIdleConnections();
    // A keep-alive connection becomes idle once its response is out: close it then.
    server.on("request", (_req, res) => res.on("finish", () => server.closeIdleConnections()));
    const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
    idleSweep.unref();
    setTimeout(() => {
      server.closeAllConnections();
      void finish();
    }, shutdownTimeoutMs).unref();
  };
  process.on("SIGTERM", () => shutDown("SIGTERM"));
  process.on("SIGINT", () => shutDown("SIGINT"));
  // The supervisor is gone (killed, or stopping): so is the shared port. A
  // worker left behind would go on answering its open connections.
  if (cluster.isWorker) process.on("disconnect", () => shutDown("supervisor gone"));
}

/**
 * In production Next.js runs instrumentation's register() lazily, on the
 * first request — after this server said "ready", and with a failure cached
 * for good (every request then a 500). Run it before listening instead; a
 * failure ends the process with its message and a non-zero code. This uses
 * Next's own (internal) entry point, which memoises, so Next will not run it
 * twice; if a Next version moves it, the hook still runs lazily as before.
 */
async function registerInstrumentation(dir) {
  let ensureRegistered;
  try {
    const require = createRequire(path.join(dir, "package.json"));
    ({ ensureInstrumentationRegistered: ensureRegistered } = require("next/dist/server/lib/router-utils/instrumentation-globals.external.js"));
  } catch {
    console.warn("[newsdesk] could not run the instrumentation hook before listening; it will run on the first request");
    return;
  }
  try {
    await ensureRegistered(dir, ".next");
  } catch (error) {
    console.error(`✗ the server could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/**
 * Runs `count` server processes on the shared port and replaces one that
 * crashes. A worker that dies before it ever listened (bad configuration)
 * stops everything with its exit code, as a single server would; so does a
 * crash loop. An unreachable database is not such a failure: workers listen,
 * answer 503 and wait for it. SIGTERM is passed to every worker, which
 * drains its requests; the supervisor then exits 0.
 */
function superviseWorkers(count) {
  // A cache miss is rendered by a loopback request that any worker may
  // answer: all of them must accept each other's render secret and stamp the
  // same placeholder nonce (lib/public-cache/state.ts).
  process.env.NEWSDESK_INTERNAL_RENDER_SECRET = randomBytes(16).toString("base64");
  process.env.NEWSDESK_INTERNAL_PLACEHOLDER_NONCE = randomBytes(16).toString("base64");

  const listeningIds = new Set();
  const recentCrashes = [];
  let isStopping = false;
  let isAnnounced = false;
  let isReadyAnnounced = false;
  let isDatabaseReady = false;

  const stopAll = (exitCode) => {
    if (isStopping) return;
    isStopping = true;
    // Each worker drains its own requests (shutdownTimeoutMs); wait for them, with a margin.
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
    setTimeout(() => process.exit(exitCode), shutdownTimeoutMs + 5000).unref();
    process.exitCode = exitCode;
  };

  const announce = () => {
    if (listeningIds.size < count) return;
    if (!isAnnounced) {
      isAnnounced = true;
      if (!isDatabaseReady) console.log(`▲ Newsdesk listening on ${origin} (${count} worker processes); waiting for the database before serving pages`);
    }
    if (isDatabaseReady && !isReadyAnnounced) {
      isReadyAnnounced = true;
      console.log(`▲ Newsdesk ready on ${origin} (${count} worker processes)`);
    }
  };
  cluster.on("listening", (worker) => {
    listeningIds.add(worker.id);
    announce();
  });
  cluster.on("message", (_worker, message) => {
    if (message?.type !== DATABASE_READY_MESSAGE) return;
    isDatabaseReady = true;
    announce();
  });
  cluster.on("exit", (worker, code, signal) => {
    if (isStopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    const hadListened = listeningIds.delete(worker.id);
    if (code === 0 && !signal) {
      // Asked to stop (a signal to the whole process group, e.g. Ctrl-C): so are we.
      stopAll(0);
      return;
    }
    if (!hadListened) {
      console.error(`✗ a server process exited while starting (${signal ?? `code ${code}`}); stopping`);
      stopAll(code || 1);
      return;
    }
    const now = Date.now();
    recentCrashes.push(now);
    while (recentCrashes.length && (recentCrashes[0] ?? now) < now - 60_000) recentCrashes.shift();
    if (recentCrashes.length > 3 * count) {
      console.error("✗ server processes keep crashing; stopping");
      stopAll(1);
      return;
    }
    console.error(`[newsdesk] server process ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
    cluster.fork();
  });

  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.on(signal, () => {
      console.log(`${signal}: closing`);
      stopAll(0);
    });
  }
  for (let i = 0; i < count; i++) cluster.fork();
}
