import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { hashClientAddress } from "@/lib/security/client-address";
import { insertStory } from "@/lib/testing/article-fixtures";
import { provideTestDatabase } from "@/lib/testing/test-database";
import { createNewsroom, createTestSection } from "@/lib/testing/test-users";
import { TYPO_REPORT_THANKS } from "@/lib/validations/typo-report";
import { POST } from "./route";

const getDb = provideTestDatabase();
let published: string;
let draft: string;
let publishStory: () => Promise<string>;
let address = 0;

beforeAll(async () => {
  const db = getDb();
  const team = await createNewsroom(db);
  const section = await createTestSection(db);
  publishStory = async () =>
    (await insertStory(db, { authorId: team.author.id, categoryId: section.id, status: "PUBLISHED", publishedAt: new Date(Date.now() - 60_000) })).id;
  published = await publishStory();
  draft = (await insertStory(db, { authorId: team.author.id, categoryId: section.id })).id;
});

/** A fresh client address per call unless one is given, so rate limits never leak between tests. */
function post(body: string | Uint8Array<ArrayBuffer> | null, headers: Record<string, string> = {}) {
  const request = new NextRequest("http://localhost/api/typo-reports", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${++address % 250}`, ...headers },
  });
  return POST(request);
}

let spot = 0;
const report = (overrides: Record<string, unknown> = {}) => ({
  articleId: published,
  version: 1,
  selectedText: `recieve${++spot}`,
  contextBefore: "Readers will ",
  contextAfter: " the paper.",
  paragraphIndex: 1,
  charOffset: 13,
  suggestion: "receive",
  comment: "",
  language: "en",
  website: "",
  ...overrides,
});

const json = (value: unknown) => JSON.stringify(value);

describe("POST /api/typo-reports", () => {
  it("files a valid report, keeping only a hash of the client address", async () => {
    const body = report({ selectedText: "stored once" });
    const response = await post(json(body), { "x-forwarded-for": "203.0.113.44", origin: "http://localhost" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, message: TYPO_REPORT_THANKS });
    expect(response.headers.get("cache-control")).toBe("no-store");
    const stored = await getDb().typoReport.findFirstOrThrow({ where: { selectedText: "stored once" } });
    expect(stored.clientHash).toBe(hashClientAddress({ "x-forwarded-for": "203.0.113.44" }));
    expect(JSON.stringify(stored)).not.toContain("203.0.113.44");
  });

  it("thanks a bot that filled the honeypot and stores nothing", async () => {
    const response = await post(json(report({ selectedText: "honeypot", website: "https://spam.example" })));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, message: TYPO_REPORT_THANKS });
    expect(await getDb().typoReport.count({ where: { selectedText: "honeypot" } })).toBe(0);
  });

  it.each([
    ["not JSON", "selectedText=teh"],
    ["a JSON array", "[1,2]"],
    ["JSON null", "null"],
    ["a JSON string", '"hello"'],
    ["an empty body", ""],
  ])("answers 400 to %s", async (_label, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, message: "This report could not be read." });
  });

  it("answers 400 to a body that is not UTF-8", async () => {
    expect((await post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).status).toBe(400);
  });

  it.each([
    [{ selectedText: "" }, "selectedText", "Select the mistake in the story, or type it."],
    [{ selectedText: 5 }, "selectedText", "The mistake must be text."],
    [{ selectedText: "x".repeat(301) }, "selectedText", "The mistake can be at most 300 characters."],
    [{ contextBefore: "x".repeat(201) }, "contextBefore", "The text before the mistake can be at most 200 characters."],
    [{ suggestion: "x".repeat(301) }, "suggestion", "The correction can be at most 300 characters."],
    [{ comment: "x".repeat(1001) }, "comment", "The comment can be at most 1,000 characters."],
    [{ paragraphIndex: "two" }, "paragraphIndex", "Unknown paragraph."],
    [{ paragraphIndex: -2 }, "paragraphIndex", "Unknown paragraph."],
    [{ articleId: "not-a-story" }, "articleId", "This story cannot take reports."],
    [{ charOffset: 1.5 }, "charOffset", "Unknown position."],
  ])("answers 422 with the field's error for %j", async (overrides, field, message) => {
    const response = await post(json(report(overrides)));
    expect(response.status).toBe(422);
    const body = (await response.json()) as { ok: boolean; message: string; errors: Record<string, string[]> };
    expect(body.ok).toBe(false);
    expect(body.errors[field]).toEqual([message]);
    expect(body.message).toBe(message);
  });

  it("answers 404 for a story that does not exist or is not published", async () => {
    for (const articleId of ["01900000-0000-7000-8000-000000000000", draft]) {
      const response = await post(json(report({ articleId })));
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ ok: false, message: "This story cannot take reports." });
    }
  });

  it("accepts a reader on another address of the same site (Origin equals the request's Host)", async () => {
    // Issue 10, observed fault 4: the site was started as localhost, the reader is on 127.0.0.1 or www.
    expect((await post(json(report()), { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" })).status).toBe(200);
    expect((await post(json(report()), { origin: "http://www.localhost", host: "www.localhost" })).status).toBe(200);
    expect((await post(json(report()), { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await post(json(report()), { origin: "http://evil.example", host: "127.0.0.1:3000" })).status).toBe(403);
  });

  it("refuses other sites, other content types and oversized bodies", async () => {
    expect((await post(json(report()), { origin: "https://evil.example" })).status).toBe(403);
    expect((await post(json(report()), { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await post(json(report()), { "content-type": "text/plain" })).status).toBe(415);
    expect((await post(json(report({ comment: "x".repeat(40_000) })))).status).toBe(413);
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 64; i++) controller.enqueue(new TextEncoder().encode("x".repeat(1024)));
        controller.close();
      },
    });
    const init = { method: "POST", body: streamed, headers: { "content-type": "application/json" }, duplex: "half" };
    const request = new NextRequest("http://localhost/api/typo-reports", init as ConstructorParameters<typeof NextRequest>[1]);
    expect((await POST(request)).status).toBe(413);
  });

  it("answers 429 with Retry-After once a client has sent too many, while others carry on", async () => {
    const busy = { "x-forwarded-for": "192.0.2.200" };
    // Spread over three stories: one story takes at most five reports per client.
    const stories = [published, await publishStory(), await publishStory()];
    for (let i = 0; i < 10; i++) expect((await post(json(report({ articleId: stories[i % 3] })), busy)).status).toBe(200);
    const refused = await post(json(report()), busy);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({ ok: false, message: expect.stringMatching(/^You have sent a lot of reports\. Please try again in \d+ minutes\.$/) });
    expect((await post(json(report()), { "x-forwarded-for": "192.0.2.201" })).status).toBe(200);
  });

  it("never answers 500, whatever arrives", async () => {
    const garbage: (string | Uint8Array<ArrayBuffer>)[] = [
      "{",
      "{}",
      json({ articleId: null }),
      json({ ...report(), paragraphIndex: 1e308 }),
      json({ ...report(), version: "1" }),
      json({ ...report(), suggestion: { $gt: "" } }),
      json({ ...report(), comment: ["a"] }),
      json({ ...report(), language: "<script>" }),
      json({ ...report(), selectedText: "\u0000\u0001" }),
      json({ ...report(), website: 42 }),
      json({ __proto__: { selectedText: "x" } }),
      "\u0000",
      new Uint8Array([0xc3, 0x28]),
    ];
    for (const body of garbage) {
      const response = await post(body);
      expect(response.status, String(body)).toBeLessThan(500);
      expect(await response.json()).toMatchObject({ ok: expect.any(Boolean), message: expect.any(String) });
    }
  });
});
