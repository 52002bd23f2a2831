/**
 * Which link targets a story may carry: http, https and mailto URLs,
 * site-relative "/paths" and "#fragments". Shared by the server-side
 * sanitiser and the editor's link dialog, so the dialog refuses exactly
 * what the server would strip.
 */
/** Link schemes readers may follow. Relative "/paths" and "#fragments" are allowed too. */
export const ALLOWED_LINK_SCHEMES = ["http", "https", "mailto"] as const;

/**
 * Browsers ignore ASCII whitespace and control characters inside a URL's
 * scheme ("java\tscript:"), so the check does too. Entities are already
 * decoded by the parser at this point.
 */
export function normaliseUrl(raw: string): string {
  return raw.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g, "");
}

/** The href as stored, or undefined when a reader must not be sent there. */
export function safeLinkHref(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const compact = normaliseUrl(raw);
  if (compact === "") return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme) return (ALLOWED_LINK_SCHEMES as readonly string[]).includes(scheme) ? raw.trim() : undefined;
  // Scheme-less: only site-relative paths and fragments. "//host" and "\\host"
  // are other sites in disguise; a colon before any slash would be a scheme.
  if (compact.startsWith("#")) return raw.trim();
  if (compact.startsWith("/") && !/^[/\\]{2}/.test(compact) && !compact.startsWith("/\\")) return raw.trim();
  return undefined;
}

