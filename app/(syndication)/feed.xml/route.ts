import { feedResponse } from "@/lib/syndication/responses";

export const dynamic = "force-dynamic";

/** Site-wide RSS 2.0 feed: the newest 50 stories. */
export function GET(): Promise<Response> {
  return feedResponse("rss");
}
