import pg from "pg";
import { freshnessTarget } from "./e2e-env";

/**
 * What an editor's actions do to the database, done directly from the test
 * process (the admin is another issue's work): the freshness journeys then
 * check that readers see the result, through the database's change
 * notifications, as they would after a publish from the admin or from
 * another app instance.
 */
export interface StoryInput {
  slug: string;
  title: string;
  section: string;
  summary?: string;
  status?: "PUBLISHED" | "SCHEDULED" | "DRAFT";
  publishedAt?: Date;
  tags?: string[];
  authorSlug?: string;
}

async function withClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const target = freshnessTarget();
  if (!target) throw new Error("No PostgreSQL e2e server: freshness journeys need one");
  const client = new pg.Client({ connectionString: target.databaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Files a story (published now unless told otherwise) and tags it, in one transaction. */
export async function fileStory(input: StoryInput): Promise<string> {
  return withClient(async (client) => {
    await client.query("BEGIN");
    try {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO "Article" (id, language, slug, title, summary, lead, body, status, "publishedAt", "categoryId", "authorId", "updatedAt")
         SELECT gen_random_uuid(), 'en', $1, $2, $3, $4, $5, $6::"ArticleStatus", $7,
                (SELECT id FROM "Category" WHERE slug = $8), (SELECT id FROM "User" WHERE slug = $9), now()
         RETURNING id`,
        [
          input.slug,
          input.title,
          input.summary ?? `${input.title}: the summary.`,
          `${input.title}, Report informs.`,
          `<p>The body of ${input.title}.</p>`,
          input.status ?? "PUBLISHED",
          input.publishedAt ?? new Date(),
          input.section,
          input.authorSlug ?? "rashad-aliyev",
        ],
      );
      const id = rows[0]?.id;
      if (!id) throw new Error("story not created");
      for (const [position, name] of (input.tags ?? []).entries()) {
        const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
        await client.query(`INSERT INTO "Tag" (id, name, slug) VALUES (gen_random_uuid(), $1, $2) ON CONFLICT (slug) DO NOTHING`, [name, slug]);
        await client.query(`INSERT INTO "ArticleTag" ("articleId", "tagId", position) SELECT $1, id, $2 FROM "Tag" WHERE slug = $3`, [id, position, slug]);
      }
      await client.query("COMMIT");
      return id;
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  });
}

/** An edit after publication: new headline, "Updated" time. */
export async function editStoryTitle(slug: string, title: string): Promise<void> {
  await withClient((client) =>
    client.query(`UPDATE "Article" SET title = $2, "contentUpdatedAt" = now(), version = version + 1, "updatedAt" = now() WHERE slug = $1`, [slug, title]),
  );
}

/** A slug change: the story moves, its old address redirects. */
export async function changeStorySlug(slug: string, newSlug: string): Promise<void> {
  await withClient(async (client) => {
    await client.query("BEGIN");
    await client.query(`UPDATE "Article" SET slug = $2, version = version + 1, "updatedAt" = now() WHERE slug = $1`, [slug, newSlug]);
    await client.query(
      `INSERT INTO "SlugRedirect" (id, language, "fromSlug", "articleId") SELECT gen_random_uuid(), 'en', $1, id FROM "Article" WHERE slug = $2`,
      [slug, newSlug],
    );
    await client.query("COMMIT");
  });
}

export async function unpublishStory(slug: string): Promise<void> {
  await withClient((client) => client.query(`UPDATE "Article" SET status = 'ARCHIVED', version = version + 1, "updatedAt" = now() WHERE slug = $1`, [slug]));
}

/** A new section, as an admin would add one. */
export async function addSection(slug: string, name: string): Promise<void> {
  await withClient((client) =>
    client.query(`INSERT INTO "Category" (id, name, slug, position, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 99, now())`, [name, slug]),
  );
}
