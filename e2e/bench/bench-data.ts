import type pg from "pg";
import { demoStories } from "../../prisma/seed/demo-stories";

/** Small seeded PRNG (mulberry32): the same archive on every run. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function vocabulary(): string[] {
  const text = demoStories.flatMap((story) => [story.title, story.lead, ...story.paragraphs]).join(" ").toLowerCase();
  return [...new Set(text.match(/[a-z]{4,}/g) ?? [])];
}

function sentence(words: string[], random: () => number, length: number): string {
  const picked = Array.from({ length }, () => words[Math.floor(random() * words.length)] ?? "news");
  const text = picked.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/**
 * Bulk demo archive for benchmarks: `count` published stories spread back in
 * time (one every 90 minutes, so a few dozen fall in the news sitemap's two
 * days), across every section and the demo authors, three tags each, text
 * drawn from the demo stories' vocabulary so searches match realistically.
 * Text is generated here and sent as arrays: one INSERT … SELECT unnest(…)
 * per table, seconds rather than minutes. Deterministic.
 */
export async function insertBenchArticles(client: pg.Client, count: number): Promise<void> {
  const words = vocabulary();
  const random = createRandom(42);
  const titles: string[] = [];
  const summaries: string[] = [];
  const leads: string[] = [];
  const bodies: string[] = [];
  for (let i = 0; i < count; i++) {
    titles.push(sentence(words, random, 8));
    summaries.push(`${sentence(words, random, 20)}.`);
    leads.push(`${sentence(words, random, 35)}, Report informs.`);
    bodies.push([60, 70, 50].map((length) => `<p>${sentence(words, random, length)}.</p>`).join("\n"));
  }
  await client.query("BEGIN");
  try {
    // Nobody listens during the load; skip the per-row change notifications.
    await client.query(`ALTER TABLE "Article" DISABLE TRIGGER "Article_public_change_trigger"`);
    await client.query(`ALTER TABLE "ArticleTag" DISABLE TRIGGER "ArticleTag_public_change_trigger"`);
    await client.query(
      `WITH categories AS (SELECT array_agg(id ORDER BY slug) AS ids FROM "Category"),
            authors AS (SELECT array_agg(id ORDER BY slug) AS ids FROM "User")
       INSERT INTO "Article" (id, language, slug, title, summary, lead, body, status, "publishedAt", "contentUpdatedAt",
                              "categoryId", "authorId", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), 'en', 'bench-story-' || t.i, t.title, t.summary, t.lead, t.body, 'PUBLISHED',
              now() - (t.i * interval '90 minutes'),
              CASE WHEN t.i % 10 = 0 THEN now() - (t.i * interval '90 minutes') + interval '30 minutes' END,
              c.ids[1 + t.i % array_length(c.ids, 1)], u.ids[1 + t.i % array_length(u.ids, 1)],
              now() - (t.i * interval '90 minutes'), now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS t(title, summary, lead, body, i),
            categories c, authors u`,
      [titles, summaries, leads, bodies],
    );
    await client.query(`
      INSERT INTO "Tag" (id, name, slug, "createdAt")
      SELECT gen_random_uuid(), 'bench topic ' || t, 'bench-topic-' || t, now() FROM generate_series(1, 200) AS t`);
    await client.query(`
      INSERT INTO "ArticleTag" ("articleId", "tagId", position)
      SELECT a.id, t.id, k
      FROM "Article" a
      CROSS JOIN generate_series(0, 2) AS k
      JOIN "Tag" t ON t.slug = 'bench-topic-' || (1 + (abs(hashtext(a.slug)) + k * 67) % 200)
      WHERE a.slug LIKE 'bench-story-%'`);
    await client.query(`ALTER TABLE "Article" ENABLE TRIGGER "Article_public_change_trigger"`);
    await client.query(`ALTER TABLE "ArticleTag" ENABLE TRIGGER "ArticleTag_public_change_trigger"`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  await client.query("ANALYZE");
}
