import "server-only";
import { db } from "../../db";
import { getEnv } from "../../env";
import { isValidSlug } from "../../slug";
import { articlePath } from "../../urls";
import { memoizePublicData } from "../../public-cache/memo";
import { LATEST_TAG } from "../../public-cache/tags";
import { isPublic } from "./status";

/**
 * The current address of a published story that used to have `slug`, or
 * null. Public read: only published stories redirect, so an old URL of an
 * unpublished story stays a 404.
 */
export async function findArticleRedirect(slug: string, language = getEnv().NEWSDESK_LANGUAGE): Promise<string | null> {
  if (!isValidSlug(slug)) return null;
  const row = await db.slugRedirect.findUnique({
    where: { language_fromSlug: { language, fromSlug: slug } },
    select: { article: { select: { slug: true, status: true, publishedAt: true, category: { select: { slug: true } } } } },
  });
  if (!row || !isPublic(row.article)) return null;
  return articlePath(row.article.category.slug, row.article.slug);
}

const ARTICLE_PATH = /^\/news\/[^/]+\/([^/]+)\/?$/;

/**
 * For proxy.ts: the current path of the story an old article URL
 * (/news/<section>/<old-slug>) stands for, or null for any other path. One
 * unique-index lookup; a story's current slug never has a redirect row.
 * Every article render asks, so answers are memoised with the public data
 * (lib/public-cache/memo.ts): any change to what lists show — a publish,
 * unpublish or slug change among them — drops them.
 */
export async function findMovedArticlePath(pathname: string): Promise<string | null> {
  const slug = ARTICLE_PATH.exec(pathname)?.[1];
  if (!slug) return null;
  try {
    const oldSlug = decodeURIComponent(slug);
    return await memoizePublicData(`article-redirect:${oldSlug}`, [LATEST_TAG], () => findArticleRedirect(oldSlug));
  } catch (error) {
    // The page itself still answers (and redirects, with a 308) if the lookup failed here.
    console.error("[newsdesk] redirect lookup failed", error);
    return null;
  }
}
