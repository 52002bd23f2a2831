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
 */
import http from "node:http";
import path from "node:path";
import next from "next";

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

const app = next({ dev: false, dir: path.resolve(import.meta.dirname, "../.."), hostname: hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
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
  console.log(`▲ Newsdesk ready on http://${hostname ?? "localhost"}:${port}`);
});

function shutDown(signal) {
  console.log(`${signal}: closing`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", () => shutDown("SIGTERM"));
process.on("SIGINT", () => shutDown("SIGINT"));
