import "server-only";
import { db } from "../db";
import type { ArticleChange } from "../public-cache/tags";
import { articlePath } from "../urls";

const refsSelect = {
  slug: true,
  category: { select: { slug: true, parent: { select: { slug: true } } } },
  author: { select: { slug: true } },
  tags: { select: { tag: { select: { slug: true } } } },
} as const;

type RefsRow = {
  slug: string;
  category: { slug: string; parent: { slug: string } | null };
  author: { slug: string };
  tags: { tag: { slug: string } }[];
};

function toChange(row: RefsRow): ArticleChange {
  return {
    paths: [articlePath(row.category.slug, row.slug)],
    sectionSlugs: [row.category.slug, ...(row.category.parent ? [row.category.parent.slug] : [])],
    tagSlugs: row.tags.map((t) => t.tag.slug),
    authorSlugs: [row.author.slug],
    listingChanged: true,
  };
}

/**
 * Where a story appears now (address, sections, tags, author), whatever its
 * status: what the page cache must drop when it changes. Null if it is gone.
 * Addressing only; no content leaves this function.
 */
export async function getArticleCacheRefs(articleId: string): Promise<ArticleChange | null> {
  const row = await db.article.findUnique({ where: { id: articleId }, select: refsSelect });
  return row ? toChange(row) : null;
}

/** Scheduled stories whose time falls in (after, until]: they have just gone live. */
export async function listStoriesGoingLive(after: Date, until: Date): Promise<ArticleChange[]> {
  const rows = await db.article.findMany({
    where: { status: "SCHEDULED", publishedAt: { gt: after, lte: until } },
    select: refsSelect,
    take: 500,
  });
  return rows.map(toChange);
}

/** The next moment a scheduled story goes live, if any is scheduled. */
export async function getNextScheduledPublication(after: Date): Promise<Date | null> {
  const row = await db.article.findFirst({
    where: { status: "SCHEDULED", publishedAt: { gt: after } },
    orderBy: { publishedAt: "asc" },
    select: { publishedAt: true },
  });
  return row?.publishedAt ?? null;
}
