import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

export interface ResponseGuardDeps {
  /**
   * Decides whether a failed request failed because the database is
   * unavailable (the request's error said so, or a probe does now).
   */
  isOutage(req: IncomingMessage): Promise<boolean>;
  /** Writes the 503 outage answer instead. */
  sendOutage(req: IncomingMessage, res: ServerResponse): void;
  /** Called when a 500 is let through (a real bug). */
  onServerError?(req: IncomingMessage): void;
}

type WriteHeadArgs = [number, ...unknown[]];
type Callback = (error?: Error | null) => void;

/**
 * Stands between Next.js and the socket for one request. A response that is
 * about to go out as a 500 is held back (its head and body buffered — error
 * pages are small) and, if the failure was the database being unavailable,
 * replaced with the readable 503 outage page: readers and editors never see
 * a 500 for an outage. Any other 500 is sent as it was.
 *
 * It works by shadowing writeHead/write/end on the response: Node's own
 * implicit header (first write or end) goes through writeHead too.
 */
export function guardResponse(req: IncomingMessage, res: ServerResponse, deps: ResponseGuardDeps): void {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end };
  let held: { head?: WriteHeadArgs; chunks: { chunk: unknown; encoding?: BufferEncoding }[] } | undefined;

  const isFailing = (status: number) => status === 500;
  const hold = () => (held ??= { chunks: [] });
  const restore = () => {
    res.writeHead = original.writeHead;
    res.write = original.write;
    res.end = original.end;
  };

  res.writeHead = function writeHead(this: ServerResponse, ...args: unknown[]) {
    const status = Number(args[0]);
    if (held || (!res.headersSent && isFailing(status))) {
      hold().head = args as WriteHeadArgs;
      return res;
    }
    return (original.writeHead as (...a: unknown[]) => ServerResponse).apply(res, args);
  } as ServerResponse["writeHead"];

  res.write = function write(this: ServerResponse, chunk: unknown, encodingOrCallback?: unknown, maybeCallback?: unknown) {
    if (held || (!res.headersSent && isFailing(res.statusCode))) {
      const encoding = typeof encodingOrCallback === "string" ? (encodingOrCallback as BufferEncoding) : undefined;
      hold().chunks.push({ chunk, encoding });
      const callback = (typeof encodingOrCallback === "function" ? encodingOrCallback : maybeCallback) as Callback | undefined;
      if (callback) process.nextTick(callback);
      return true;
    }
    return (original.write as (...a: unknown[]) => boolean).call(res, chunk, encodingOrCallback, maybeCallback);
  } as ServerResponse["write"];

  res.end = function end(this: ServerResponse, chunk?: unknown, encodingOrCallback?: unknown, maybeCallback?: unknown) {
    if (!held && (res.headersSent || !isFailing(res.statusCode))) {
      return (original.end as (...a: unknown[]) => ServerResponse).call(res, chunk, encodingOrCallback, maybeCallback);
    }
    const state = hold();
    if (chunk !== undefined && typeof chunk !== "function") {
      state.chunks.push({ chunk, encoding: typeof encodingOrCallback === "string" ? (encodingOrCallback as BufferEncoding) : undefined });
    }
    const callback = [chunk, encodingOrCallback, maybeCallback].find((value) => typeof value === "function") as Callback | undefined;
    deps.isOutage(req).then(
      (isOutage) => settle(isOutage, callback),
      () => settle(false, callback),
    );
    return res;
  } as ServerResponse["end"];

  function settle(isOutage: boolean, callback: Callback | undefined): void {
    const state = held ?? { chunks: [] };
    restore();
    if (res.destroyed) return;
    if (isOutage) {
      deps.sendOutage(req, res);
    } else {
      deps.onServerError?.(req);
      if (state.head) {
        const [status, ...rest] = state.head;
        (res.writeHead as (s: number, ...a: unknown[]) => ServerResponse)(status, ...(rest as [OutgoingHttpHeaders?]));
      }
      for (const { chunk, encoding } of state.chunks) {
        if (encoding) res.write(chunk as string, encoding);
        else res.write(chunk as Buffer);
      }
      res.end();
    }
    if (callback) res.once("finish", () => callback());
  }
}
