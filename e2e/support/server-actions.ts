import type { APIRequestContext, APIResponse, Page, Request } from "@playwright/test";

/** A server-action request as the browser sent it, ready to be replayed by someone else. */
export interface CapturedAction {
  url: string;
  actionId: string;
  body: string;
}

/**
 * Runs `trigger` and returns the first server-action request whose body
 * matches `isWanted` (the action's arguments, JSON-encoded by React).
 */
export async function captureAction(page: Page, isWanted: (body: string) => boolean, trigger: () => Promise<void>): Promise<CapturedAction> {
  let captured: CapturedAction | undefined;
  const listener = (request: Request) => {
    const actionId = request.headers()["next-action"];
    const body = request.postData() ?? "";
    if (!captured && request.method() === "POST" && actionId && isWanted(body)) captured = { url: request.url(), actionId, body };
  };
  page.on("request", listener);
  try {
    await trigger();
  } finally {
    page.off("request", listener);
  }
  if (!captured) throw new Error("No matching server action was sent");
  return captured;
}

/**
 * Sends a server action the way a hand-crafted client would: same action
 * id, any arguments, the caller's own cookies.
 */
export function replayAction(request: APIRequestContext, action: CapturedAction, args: unknown[]): Promise<APIResponse> {
  const origin = new URL(action.url).origin;
  return request.post(action.url, {
    headers: { "next-action": action.actionId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
}
