/**
 * Reads a request body as UTF-8 text, giving up past `limitBytes` (a
 * declared Content-Length over it is refused before reading anything).
 * "too-large" and "invalid" (not UTF-8) are answers, not exceptions, so a
 * route can turn them into a 413 or 400 instead of a 500.
 */
export async function readRequestText(request: Request, limitBytes: number): Promise<{ text: string } | { error: "too-large" | "invalid" }> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limitBytes) return { error: "too-large" };
  if (!request.body) return { text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limitBytes) {
        await reader.cancel().catch(() => undefined);
        return { error: "too-large" };
      }
      chunks.push(value);
    }
  } catch {
    return { error: "invalid" };
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { error: "invalid" };
  }
}
