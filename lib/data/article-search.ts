import "server-only";
import { db } from "../db";
import { listArticleLanguages } from "./article-list-options";
import type { ArticleSearch } from "./article-list-sql";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An editor may paste a slug, an article URL or an id instead of words. */
export function readExactTerms(text: string): Pick<ArticleSearch, "exactSlug" | "exactId"> {
  const trimmed = text.trim();
  if (UUID.test(trimmed)) return { exactId: trimmed.toLowerCase() };
  const path = trimmed.replace(/^https?:\/\/[^/]+/i, "").replace(/[?#].*$/, "");
  const lastSegment = path.split("/").filter(Boolean).pop() ?? "";
  if (/^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(lastSegment)) return { exactSlug: lastSegment };
  return {};
}

/**
 * Parses the search once per text-search configuration in use and groups
 * the languages whose parse is identical (English and Russian stem Latin
 * words alike, for instance): each group is one GIN lookup, so fewer groups
 * mean fewer index scans per page.
 */
export async function parseArticleSearch(text: string, language: string | undefined): Promise<ArticleSearch> {
  const languages = (await listArticleLanguages()).filter((l) => !language || l.language === language);
  const configs = [...new Set(languages.map((l) => l.config))];
  const parsed = configs.length
    ? await db.$queryRaw<{ config: string; query: string }[]>`
        SELECT c AS "config", websearch_to_tsquery(c::regconfig, ${text})::text AS "query"
        FROM unnest(${configs}::text[]) AS c`
    : [];
  const queryOf = new Map(parsed.map((p) => [p.config, p.query]));
  const groups = new Map<string, string[]>();
  for (const { language: lang, config } of languages) {
    const query = queryOf.get(config);
    // Only stop words in this language: nothing to look for in its stories.
    if (query) groups.set(query, [...(groups.get(query) ?? []), lang]);
  }
  return {
    text,
    ...readExactTerms(text),
    languages: languages.map((l) => l.language),
    arms: [...groups].map(([query, langs]) => ({ query, languages: langs })),
  };
}
