import { getEnv } from "./env";
import { absoluteUrl } from "./urls";

/** The publication as feeds, sitemaps and structured data name it. */
export interface SiteInfo {
  name: string;
  /** Public origin with no trailing slash, e.g. "https://news.example.org". */
  origin: string;
  language: string;
  logo: { url: string; width: number; height: number };
}

/** Publisher logo (rendered by app/publisher-logo.png): Google asks for ≤ 600×60. */
export const PUBLISHER_LOGO_PATH = "/publisher-logo.png";
export const PUBLISHER_LOGO_SIZE = { width: 600, height: 60 } as const;

export function getSiteInfo(): SiteInfo {
  const env = getEnv();
  return {
    name: env.NEWSDESK_SITE_NAME,
    origin: new URL(env.NEWSDESK_SITE_URL).origin,
    language: env.NEWSDESK_LANGUAGE,
    logo: { url: absoluteUrl(PUBLISHER_LOGO_PATH), ...PUBLISHER_LOGO_SIZE },
  };
}
