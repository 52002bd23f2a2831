import { describe, expect, it } from "vitest";
import { verifyPassword } from "../../lib/auth/password";
import { provideTestDatabase } from "../../lib/testing/test-database";
import { seedDatabase } from "./seed-database";
import { demoUsers } from "./users";

const getDb = provideTestDatabase();

describe("seed", () => {
  it("creates sections, one account per role and the stories, and is idempotent", async () => {
    const first = await seedDatabase(getDb());
    expect(first.articlesCreated).toBeGreaterThanOrEqual(31);
    const second = await seedDatabase(getDb());
    expect(second.articlesCreated).toBe(0);
    expect(await getDb().article.count()).toBe(first.articlesCreated);
    expect(await getDb().category.count()).toBe(first.categories);
    const roles = (await getDb().user.findMany({ select: { role: true } })).map((u) => u.role).sort();
    expect(roles).toEqual(["ADMIN", "AUTHOR", "EDITOR"]);
  });

  it("stores demo passwords as argon2id hashes that verify", async () => {
    const user = demoUsers[0];
    const row = await getDb().user.findUniqueOrThrow({ where: { email: user.email } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, user.password)).toBe(true);
    expect(await verifyPassword(row.passwordHash, "wrong")).toBe(false);
  });

  it("keeps a revision and searchable text for every story", async () => {
    const db = getDb();
    expect(await db.articleRevision.count()).toBe(await db.article.count());
    const hits = await db.$queryRaw<{ slug: string }[]>`
      SELECT slug FROM "Article"
      WHERE "searchVector" @@ websearch_to_tsquery(newsdesk_search_config('en'), 'Serbian consultation')`;
    expect(hits.map((h) => h.slug)).toContain("azerbaijan-and-serbia-hold-political-consultations");
  });
});
