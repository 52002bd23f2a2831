import { type NextRequest, NextResponse } from "next/server";
import { submitTypoReport } from "@/lib/data/typo-reports/submit-report";
import { getEnv } from "@/lib/env";
import { NotFoundError, RateLimitedError } from "@/lib/errors";
import { hashClientAddress } from "@/lib/security/client-address";
import { readRequestText } from "@/lib/security/read-request-body";
import { isSameOriginRequest } from "@/lib/security/same-origin";
import { TYPO_REPORT_THANKS, typoReportSubmissionSchema } from "@/lib/validations/typo-report";
import { toFieldErrors } from "@/lib/validations/article";

/** Far above the largest valid report (every field at its limit, JSON-escaped), far below anything costly. */
const MAX_BODY_BYTES = 32 * 1024;

function reply(status: number, body: { ok: boolean; message: string; errors?: Record<string, string[]> }, headers: Record<string, string> = {}) {
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

const refuse = (status: number, message: string, errors?: Record<string, string[]>) => reply(status, { ok: false, message, ...(errors ? { errors } : {}) });

/** Same-origin callers only: the page's own script, from whichever of this site's addresses the reader is on. */
const isCrossSite = (request: NextRequest) =>
  !isSameOriginRequest({ headers: request.headers, url: request.nextUrl, siteOrigin: new URL(getEnv().NEWSDESK_SITE_URL).origin });

/**
 * POST /api/typo-reports — a reader's typo report from an article page
 * (components/site/typo-report). Public and thin: same-site JSON only, a
 * size cap, the zod schema, the honeypot, then the data-access layer,
 * which rate-limits per client and merges repeated reports. Answers
 * `{ ok, message }` (plus field `errors` on 422); 429 carries Retry-After.
 * Nothing a client sends can make it answer 500, and the answer never says
 * whether a report was new, merged or a repeat.
 */
export async function POST(request: NextRequest) {
  try {
    if (isCrossSite(request)) return refuse(403, "Reports can only be sent from this site's pages.");
    if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) return refuse(415, "Send the report as JSON.");
    const body = await readRequestText(request, MAX_BODY_BYTES);
    if ("error" in body) return body.error === "too-large" ? refuse(413, "This report is too long.") : refuse(400, "This report could not be read.");
    let json: unknown;
    try {
      json = JSON.parse(body.text);
    } catch {
      return refuse(400, "This report could not be read.");
    }
    if (typeof json !== "object" || json === null || Array.isArray(json)) return refuse(400, "This report could not be read.");
    // A bot that filled the field people never see gets the same thanks, and nothing is stored.
    const honeypot = (json as Record<string, unknown>).website;
    if (typeof honeypot === "string" && honeypot.trim() !== "") return reply(200, { ok: true, message: TYPO_REPORT_THANKS });
    const parsed = typoReportSubmissionSchema.safeParse(json);
    if (!parsed.success) {
      const errors = toFieldErrors(parsed.error);
      return refuse(422, Object.values(errors).flat()[0] ?? "Check the report and try again.", errors);
    }
    await submitTypoReport(parsed.data, hashClientAddress(request.headers));
    return reply(200, { ok: true, message: TYPO_REPORT_THANKS });
  } catch (error) {
    if (error instanceof RateLimitedError) return reply(429, { ok: false, message: error.message }, { "Retry-After": String(error.retryAfterSeconds) });
    if (error instanceof NotFoundError) return refuse(404, "This story cannot take reports.");
    console.error("[newsdesk] typo report failed", error);
    return refuse(503, "Your report could not be sent just now. Please try again in a moment.");
  }
}
