import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { MAX_SLUG_LENGTH } from "../../slug";

/** "my-story" → the first of "my-story-2", "my-story-3", … no story of the language uses. */
export async function findFreeSlug(tx: Prisma.TransactionClient, language: string, slug: string): Promise<string> {
  const base = slug.replace(/-\d+$/, "") || slug;
  const rows = await tx.article.findMany({ where: { language, slug: { startsWith: base } }, select: { slug: true } });
  const taken = new Set(rows.map((row) => row.slug));
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Bookkeeping for a slug change. A story readers may have seen keeps its old
 * address as a redirect (every old slug points at the story, so chains
 * collapse to the newest URL); whoever takes a slug takes it from any
 * redirect too.
 */
export async function recordSlugChange(
  tx: Prisma.TransactionClient,
  change: { articleId: string; from: { language: string; slug: string } | null; to: { language: string; slug: string }; keepOldUrl: boolean },
): Promise<void> {
  await tx.slugRedirect.deleteMany({ where: { language: change.to.language, fromSlug: change.to.slug } });
  const { from } = change;
  if (!from || !change.keepOldUrl || (from.language === change.to.language && from.slug === change.to.slug)) return;
  await tx.slugRedirect.upsert({
    where: { language_fromSlug: { language: from.language, fromSlug: from.slug } },
    create: { language: from.language, fromSlug: from.slug, articleId: change.articleId },
    update: { articleId: change.articleId },
  });
}
