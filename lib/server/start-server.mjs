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
import { randomBytes } from "node:crypto";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import next from "next";
import { resolveWorkerCount } from "./worker-count.mjs";

const FRONT_KEY = Symbol.for("newsdesk.publicCache.front");

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

/** One server process: the page cache front, then Next.js. */
async function serve() {
  const app = next({ dev: false, dir: path.resolve(import.meta.dirname, "../.."), hostname: hostname ?? "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = http.createServer((req, res) => {
    // Like a proxy, append the peer to X-Forwarded-For: the client address is
    // read from its right end (lib/security/client-address.ts), never trusted from the client.
    const peer = req.socket.remoteAddress;
    if (peer) req.headers["x-forwarded-for"] = req.headers["x-forwarded-for"] ? `${req.headers["x-forwarded-for"]}, ${peer}` : peer;
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

  server.listen(port, hostname, () => {
    if (cluster.isPrimary) console.log(`▲ Newsdesk ready on ${origin}`);
  });

  const shutDown = (signal) => {
    if (cluster.isPrimary) console.log(`${signal}: closing`);
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGTERM", () => shutDown("SIGTERM"));
  process.on("SIGINT", () => shutDown("SIGINT"));
  // The supervisor is gone (killed, or stopping): so is the shared port. A
  // worker left behind would go on answering its open connections.
  if (cluster.isWorker) process.on("disconnect", () => shutDown("supervisor gone"));
}

/**
 * Runs `count` server processes on the shared port and replaces one that
 * crashes. A worker that dies before it ever listened (bad configuration,
 * database unreachable) stops everything with its exit code, as a single
 * server would; so does a crash loop.
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

  const stopAll = (exitCode) => {
    isStopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
    setTimeout(() => process.exit(exitCode), 7000).unref();
    process.exitCode = exitCode;
  };

  cluster.on("listening", (worker) => {
    listeningIds.add(worker.id);
    if (listeningIds.size < count || isAnnounced) return;
    isAnnounced = true;
    console.log(`▲ Newsdesk ready on ${origin} (${count} worker processes)`);
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
