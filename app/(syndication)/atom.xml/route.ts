import { feedResponse } from "@/lib/syndication/responses";

export const dynamic = "force-dynamic";

/** Site-wide Atom 1.0 feed: the newest 50 stories. */
export function GET(): Promise<Response> {
  return feedResponse("atom");
}
