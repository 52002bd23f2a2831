import { describe, expect, it } from "vitest";
import fs from "node:fs";
import { isOversizedActionRequest, SERVER_ACTION_BODY_LIMIT, SERVER_ACTION_BODY_LIMIT_BYTES } from "./request-limits";
import { ARTICLE_LIMITS } from "../validations/article";

describe("server action request limits", () => {
  it("match next.config.js and leave room for a story at the body limit", () => {
    const config = fs.readFileSync(new URL("../../next.config.js", import.meta.url), "utf8");
    expect(/bodySizeLimit:\s*"([^"]+)"/.exec(config)?.[1]).toBe(SERVER_ACTION_BODY_LIMIT);
    expect(SERVER_ACTION_BODY_LIMIT_BYTES).toBeGreaterThan(ARTICLE_LIMITS.body * 4);
  });

  it("spot oversized action posts by their announced length", () => {
    const headers = (length: number) => new Headers({ "next-action": "abc", "content-length": String(length) });
    expect(isOversizedActionRequest("POST", headers(10 * 1024 * 1024))).toBe(true);
    expect(isOversizedActionRequest("POST", headers(1024))).toBe(false);
    expect(isOversizedActionRequest("GET", headers(10 * 1024 * 1024))).toBe(false);
    expect(isOversizedActionRequest("POST", new Headers({ "content-length": String(10 * 1024 * 1024) }))).toBe(false);
  });
});
