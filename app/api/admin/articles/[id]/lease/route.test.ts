import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { articleFields } from "@/lib/testing/article-fixtures";
import { actAs } from "@/lib/testing/session-mock";
import { provideTestDatabase } from "@/lib/testing/test-database";
import { createNewsroom, createTestSection } from "@/lib/testing/test-users";
import { claimArticleLease } from "@/lib/data/articles/leases";
import { createArticle } from "@/lib/data/articles/save-article";
import { POST } from "./route";

vi.mock("@/lib/auth/session", () => import("@/lib/testing/session-mock"));

const getDb = provideTestDatabase();
let team: Awaited<ReturnType<typeof createNewsroom>>;
let articleId: string;

beforeAll(async () => {
  team = await createNewsroom(getDb());
  const section = await createTestSection(getDb());
  actAs(team.editor);
  articleId = (await createArticle(articleFields(section.id))).id;
});

function release(id: string, headers: Record<string, string> = {}) {
  const request = new NextRequest(`http://localhost/api/admin/articles/${id}/lease`, { method: "POST", body: "release", headers });
  return POST(request, { params: Promise.resolve({ id }) });
}

describe("POST /api/admin/articles/<id>/lease (beacon release)", () => {
  it("releases the caller's own lease", async () => {
    actAs(team.editor);
    await claimArticleLease({ id: articleId });
    expect((await release(articleId)).status).toBe(204);
    expect(await getDb().articleLease.count({ where: { articleId } })).toBe(0);
  });

  it("accepts the beacon from another address of the same site (Origin equals the request's Host)", async () => {
    actAs(team.editor);
    await claimArticleLease({ id: articleId });
    expect((await release(articleId, { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" })).status).toBe(204);
  });

  it("refuses signed-out and cross-site callers, and malformed ids, without touching the lease", async () => {
    actAs(team.editor);
    await claimArticleLease({ id: articleId });
    actAs(null);
    expect((await release(articleId)).status).toBe(401);
    actAs(team.editor);
    expect((await release(articleId, { origin: "https://evil.example" })).status).toBe(403);
    expect((await release(articleId, { origin: "https://evil.example", host: "127.0.0.1:3000" })).status).toBe(403);
    expect((await release("not-a-uuid")).status).toBe(404);
    expect(await getDb().articleLease.count({ where: { articleId } })).toBe(1);
  });
});
