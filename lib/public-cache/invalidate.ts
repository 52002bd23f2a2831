import "server-only";
import { getArticleCacheRefs } from "../data/public-cache-refs";
import { invalidateCachedTags, invalidateEverything } from "./state";
import { tagsForArticleChange, type ArticleChange } from "./tags";

/**
 * What the editing code passes after a publish, edit, unpublish, slug or
 * section change. With `articleId` the story's current address, sections,
 * tags and author are read from the database; add what it *was* (old paths,
 * old section, removed tags), which the database no longer knows.
 */
export interface ArticleInvalidation extends ArticleChange {
  articleId?: string;
}

/**
 * Drops every cached public page and feed an article change affects, in this
 * process, before it returns: the next reader gets a fresh render. Call it
 * after the transaction commits. (Other app instances learn of the same
 * change from the database's notification within milliseconds, and so does
 * this one; calling this as well makes the editor's own next click exact.)
 *
 * @example
 *   await publishArticle(...);
 *   await invalidateForArticle({ articleId, oldPaths: [previousPath], sectionSlugs: [previousSection] });
 */
export async function invalidateForArticle(input: ArticleInvalidation): Promise<void> {
  const current = input.articleId ? await getArticleCacheRefs(input.articleId) : null;
  const tags = tagsForArticleChange({
    paths: [...(input.paths ?? []), ...(current?.paths ?? [])],
    oldPaths: input.oldPaths,
    sectionSlugs: [...(input.sectionSlugs ?? []), ...(current?.sectionSlugs ?? [])],
    tagSlugs: [...(input.tagSlugs ?? []), ...(current?.tagSlugs ?? [])],
    authorSlugs: [...(input.authorSlugs ?? []), ...(current?.authorSlugs ?? [])],
    listingChanged: input.listingChanged,
  });
  invalidatePublicTags(tags);
}

/** Drops the cached responses carrying any of `tags` (see ./tags.ts). */
export function invalidatePublicTags(tags: Iterable<string>): number {
  return invalidateCachedTags(tags);
}

/** Drops every cached public response: for sections, tag or author renames, settings. */
export function invalidateAll(): number {
  return invalidateEverything();
}
