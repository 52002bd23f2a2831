import "server-only";
import { db } from "../db";
import { getEnv } from "../env";
import { publishedWhere } from "./published";

/** An author as their public page shows them. */
export interface PublicAuthor {
  id: string;
  name: string;
  slug: string;
  bio: string | null;
}

/**
 * The author with this slug, if they have at least one public story. Staff
 * who never published stay unlisted: an author page is not a staff directory.
 */
export async function getPublicAuthorBySlug(slug: string): Promise<PublicAuthor | null> {
  return db.user.findFirst({
    where: { slug, articles: { some: { ...publishedWhere(), language: getEnv().NEWSDESK_LANGUAGE } } },
    select: { id: true, name: true, slug: true, bio: true },
  });
}

/** A tag as its page shows it. */
export interface PublicTag {
  id: string;
  name: string;
  slug: string;
}

/** The tag with this slug, if at least one public story carries it. */
export async function getPublicTagBySlug(slug: string): Promise<PublicTag | null> {
  return db.tag.findFirst({
    where: { slug, articles: { some: { article: { ...publishedWhere(), language: getEnv().NEWSDESK_LANGUAGE } } } },
    select: { id: true, name: true, slug: true },
  });
}
