import { probeRoute } from "@/lib/server/health-route";

/** Readiness (also answered by the server before Next.js; this serves plain `next start`). */
export const dynamic = "force-dynamic";
export const GET = probeRoute("/readyz");
