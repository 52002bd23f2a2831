import Bowser from "bowser";

/** "Firefox 133 on Windows", "Safari on iPhone": enough for someone to recognise their own device. */
export function describeUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent) return "Unknown device";
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name ? `${parsed.browser.name}${parsed.browser.version ? ` ${parsed.browser.version.split(".")[0]}` : ""}` : null;
  const device = parsed.platform.model ?? parsed.os.name ?? null;
  if (browser && device) return `${browser} on ${device}`;
  return browser ?? device ?? "Unknown device";
}
