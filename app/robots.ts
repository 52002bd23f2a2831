import type { MetadataRoute } from "next";
import { NEWS_SITEMAP_PATH, SITEMAP_INDEX_PATH, absoluteUrl } from "@/lib/urls";

// Built per request: the public origin is configuration, not build input.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/admin", "/api/", "/login", "/search"] }],
    sitemap: [absoluteUrl(SITEMAP_INDEX_PATH), absoluteUrl(NEWS_SITEMAP_PATH)],
  };
}
