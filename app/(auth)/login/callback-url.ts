/** Only same-site paths: an open redirect after sign-in would hand sessions to phishers. */
export function safeCallbackUrl(value: string | undefined | null): string {
  return value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/admin";
}
