import type { IncomingMessage, ServerResponse } from "node:http";
import type { Readiness } from "../db/readiness";

export const HEALTH_PATH = "/healthz";
export const READY_PATH = "/readyz";

export function isHealthProbePath(url: string | undefined): boolean {
  const pathname = (url ?? "/").split("?", 1)[0];
  return pathname === HEALTH_PATH || pathname === READY_PATH;
}

export interface ProbeDeps {
  health: { probeNow(): Promise<Readiness> };
  isShuttingDown(): boolean;
}

export interface ProbeAnswer {
  status: number;
  body: { status: "ok" | "ready" | "unavailable"; reason?: string };
}

/**
 * /healthz: the process is alive and answering (200), whatever the
 * database does — an orchestrator must not restart a server for an outage
 * it will ride out. /readyz: the database is reachable and migrated and the
 * process is not shutting down (200), otherwise 503 with the reason, so a
 * load balancer sends readers elsewhere.
 */
export async function probeAnswer(pathname: string, deps: ProbeDeps): Promise<ProbeAnswer> {
  if (pathname === HEALTH_PATH) return { status: 200, body: { status: "ok" } };
  if (deps.isShuttingDown()) return { status: 503, body: { status: "unavailable", reason: "shutting down" } };
  const readiness = await deps.health.probeNow();
  return readiness.ok ? { status: 200, body: { status: "ready" } } : { status: 503, body: { status: "unavailable", reason: readiness.reason } };
}

/** Never cached, by anyone. */
export const PROBE_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
} as const;

export async function answerHealthProbe(req: IncomingMessage, res: ServerResponse, deps: ProbeDeps): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { ...PROBE_HEADERS, Allow: "GET, HEAD" });
    res.end(JSON.stringify({ status: "unavailable", reason: "method not allowed" }));
    return;
  }
  const answer = await probeAnswer((req.url ?? "/").split("?", 1)[0] ?? "/", deps);
  const body = JSON.stringify(answer.body);
  res.writeHead(answer.status, { ...PROBE_HEADERS, "Content-Length": Buffer.byteLength(body) });
  res.end(req.method === "HEAD" ? undefined : body);
}
