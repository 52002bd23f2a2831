import { z } from "zod";

/** Orders the article list offers; "relevance" only applies to a search. */
export const ARTICLE_LIST_SORTS = ["updated", "published", "title", "relevance"] as const;
export type ArticleListSort = (typeof ARTICLE_LIST_SORTS)[number];

/**
 * A position in one ordering of the list: the sort key of a row plus its id
 * as the tie-breaker. Keyset pagination continues strictly after (or before)
 * this position, so rows inserted or removed elsewhere never shift a page.
 */
export interface ArticleListCursor {
  sort: ArticleListSort;
  /** ISO instant (updated, published), title, or rank; null for "no publication time". */
  value: string | number | null;
  id: string;
}

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const isoInstant = z.iso.datetime({ offset: true });

const payloadSchema = z.discriminatedUnion("s", [
  z.object({ s: z.literal("updated"), v: isoInstant, i: uuid }),
  z.object({ s: z.literal("published"), v: isoInstant.nullable(), i: uuid }),
  z.object({ s: z.literal("title"), v: z.string().max(2000), i: uuid }),
  z.object({ s: z.literal("relevance"), v: z.number().finite(), i: uuid }),
]);

/** Opaque, URL-safe text for a cursor. */
export function encodeArticleListCursor(cursor: ArticleListCursor): string {
  const payload = { s: cursor.sort, v: cursor.value, i: cursor.id };
  return Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
}

/** The cursor in `text`, or undefined when it is malformed or tampered with. */
export function decodeArticleListCursor(text: string): ArticleListCursor | undefined {
  if (text.length > 4000 || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return undefined;
  return { sort: parsed.data.s, value: parsed.data.v, id: parsed.data.i.toLowerCase() };
}
