import "server-only";
import { getDatabaseHealth } from "../db/process-health";
import { PROBE_HEADERS, probeAnswer } from "./health-endpoints";

/** A route handler for /healthz or /readyz (lib/server/health-endpoints.ts). */
export function probeRoute(pathname: "/healthz" | "/readyz"): () => Promise<Response> {
  return async () => {
    const answer = await probeAnswer(pathname, { health: getDatabaseHealth(), isShuttingDown: () => false });
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: PROBE_HEADERS });
  };
}
