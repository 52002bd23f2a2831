import { ImageResponse } from "next/og";
import { getEnv } from "@/lib/env";
import { ASSET_CACHE_CONTROL } from "@/lib/public-cache/routes";
import { PUBLISHER_LOGO_SIZE } from "@/lib/site";

export const dynamic = "force-dynamic";

/**
 * The publisher logo structured data and feeds point at: the site's name in
 * its colours, 600×60 as Google asks, drawn from configuration so a renamed
 * publication needs no new artwork.
 */
export function GET(): Response {
  const name = getEnv().NEWSDESK_SITE_NAME;
  return new ImageResponse(
    (
      <div
        style={{
          width: "100%",
          height: "100%",
          display: "flex",
          alignItems: "center",
          padding: "0 16px",
          background: "#0b3d91",
          color: "#ffffff",
          fontSize: 40,
          fontWeight: 700,
        }}
      >
        {name}
      </div>
    ),
    { ...PUBLISHER_LOGO_SIZE, headers: { "cache-control": ASSET_CACHE_CONTROL } },
  );
}
