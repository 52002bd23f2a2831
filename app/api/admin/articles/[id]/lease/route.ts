import { type NextRequest, NextResponse } from "next/server";
import { releaseArticleLease } from "@/lib/data/articles/leases";
import { getEnv } from "@/lib/env";
import { UnauthenticatedError } from "@/lib/errors";
import { isSameOriginRequest } from "@/lib/security/same-origin";
import { articleRefSchema } from "@/lib/validations/article";

/**
 * POST /api/admin/articles/<id>/lease — releases the caller's own edit
 * lease. For navigator.sendBeacon from a closing editor tab, which cannot
 * call a server action. The DAL only ever deletes the signed-in user's lease.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const siteOrigin = new URL(getEnv().NEWSDESK_SITE_URL).origin;
  if (!isSameOriginRequest({ headers: request.headers, url: request.nextUrl, siteOrigin })) return NextResponse.json({ error: "Cross-site request refused" }, { status: 403 });
  const parsed = articleRefSchema.safeParse({ id: (await params).id });
  if (!parsed.success) return NextResponse.json({ error: "Unknown story" }, { status: 404 });
  try {
    await releaseArticleLease(parsed.data.id);
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    if (error instanceof UnauthenticatedError) return NextResponse.json({ error: "Please sign in" }, { status: 401 });
    throw error;
  }
}
