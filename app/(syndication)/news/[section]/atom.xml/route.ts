import { feedResponse } from "@/lib/syndication/responses";

export const dynamic = "force-dynamic";

/** A section's Atom 1.0 feed (with its subsections' stories). */
export async function GET(_request: Request, { params }: { params: Promise<{ section: string }> }): Promise<Response> {
  return feedResponse("atom", (await params).section);
}
