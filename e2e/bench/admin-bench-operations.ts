/**
 * What `npm run bench:admin` measures: each operation is one small named
 * function calling the real data-access layer as a signed-in user.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { countArticlesByStatus, listArticles } from "../../lib/data/article-list";
import { encodeArticleListCursor } from "../../lib/data/article-list-cursor";
import type { SessionUser } from "../../lib/auth/session";
import type { BenchFixtures, RawQuery } from "./admin-bench-seed";
import { actAsBenchUser } from "./support/bench-session";

export interface BenchContext {
  size: number;
  query: RawQuery;
  fixtures: BenchFixtures;
  editor: SessionUser;
  /** The most prolific author: "My articles" at its heaviest. */
  author: SessionUser;
  /** Cursor for the page after row 49,950 (or the last page of a small table). */
  deepCursor: string;
}

export interface BenchOperation {
  name: string;
  /** p95 target on PostgreSQL, milliseconds. */
  targetMs: number;
  /** Untimed: picks the input of one call (e.g. which article to publish). */
  prepare?: (ctx: BenchContext, iteration: number) => Promise<unknown>;
  /** Undefined when the code it measures is not on this branch yet. */
  run?: (ctx: BenchContext, iteration: number, input: unknown) => Promise<unknown>;
  pendingReason?: string;
}

/** Searches of every selectivity, from a rare word to one in most stories. */
export const SEARCH_QUERIES = [
  "ref4242", // a rare term: about three stories at 100,000
  "bench-4242", // an exact slug
  "concern", // ~5% of stories: the costliest region for ranking
  "partnership georgia",
  "tournament",
  '"foreign affairs"',
  "caspian transport",
  "bank OR digital",
  "conference -baku",
  "ministry", // in ~70% of stories
];

const asEditor = (ctx: BenchContext) => actAsBenchUser(ctx.editor);

export const listOperations: BenchOperation[] = [
  {
    name: "list: first page (50 rows)",
    targetMs: 50,
    run: (ctx) => (asEditor(ctx), listArticles({})),
  },
  {
    name: "list: per-status counts",
    targetMs: 50,
    run: (ctx) => (asEditor(ctx), countArticlesByStatus({})),
  },
  {
    name: "list: whole first page (rows + counts)",
    targetMs: 50,
    run: (ctx) => (asEditor(ctx), Promise.all([listArticles({}), countArticlesByStatus({})])),
  },
  {
    name: "list: deep keyset page (row 49,951; last page at 1,000)",
    targetMs: 50,
    run: (ctx) => (asEditor(ctx), listArticles({ after: ctx.deepCursor })),
  },
  {
    name: "list: a status tab, In review (rows + counts)",
    targetMs: 50,
    run: (ctx) => (asEditor(ctx), Promise.all([listArticles({ status: "in_review" }), countArticlesByStatus({ status: "in_review" })])),
  },
  {
    name: "list: title order (rows)",
    targetMs: 50,
    run: (ctx) => (asEditor(ctx), listArticles({ sort: "title" })),
  },
  {
    name: "list: an author's own stories (rows + counts)",
    targetMs: 50,
    run: (ctx) => {
      actAsBenchUser(ctx.author);
      return Promise.all([listArticles({}), countArticlesByStatus({})]);
    },
  },
  {
    name: "filtered: published + section + author (rows + counts)",
    targetMs: 50,
    run: (ctx, i) => {
      asEditor(ctx);
      const query = {
        status: "published" as const,
        section: i % 2 ? "economy" : "sports",
        author: ctx.fixtures.authorSlugs[1 + (i % 5)],
      };
      return Promise.all([listArticles(query), countArticlesByStatus(query)]);
    },
  },
  {
    name: "filtered: publication time, language ru (rows)",
    targetMs: 50,
    run: (ctx) => (asEditor(ctx), listArticles({ sort: "published", language: "ru" })),
  },
  {
    name: "search: ranked rows + counts",
    targetMs: 100,
    run: (ctx, i) => {
      asEditor(ctx);
      const q = SEARCH_QUERIES[i % SEARCH_QUERIES.length] as string;
      return Promise.all([listArticles({ q }), countArticlesByStatus({ q })]);
    },
  },
];

/** The cursor that starts the page after the row at `offset` (default order). */
export async function computeDeepCursor(query: RawQuery, offset: number): Promise<string> {
  const [row] = await query<{ id: string; updatedAt: Date }>(
    `SELECT "id", "updatedAt" FROM "Article" ORDER BY "updatedAt" DESC, "id" ASC OFFSET $1 LIMIT 1`,
    [offset],
  );
  if (!row) throw new Error(`No article at offset ${offset}`);
  return encodeArticleListCursor({ sort: "updated", value: new Date(row.updatedAt).toISOString(), id: row.id });
}

async function importIfPresent(relativePath: string): Promise<Record<string, unknown> | undefined> {
  const file = path.resolve(import.meta.dirname, "../..", relativePath);
  if (!fs.existsSync(file)) return undefined;
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}

type AsyncFn = (input: Record<string, unknown>) => Promise<unknown>;
const asFunction = (value: unknown) => (typeof value === "function" ? (value as AsyncFn) : undefined);

/** A draft's current fields, as the editor's autosave sends them. */
async function pickDraftForAutosave(ctx: BenchContext, i: number) {
  const [row] = await ctx.query<Record<string, string | null> & { id: string; version: number }>(
    `SELECT "id", "version", "title", "slug", "summary", "lead", "body", "categoryId", "byline", "sourceAttribution",
            "seoTitle", "seoDescription", "language"
     FROM "Article" WHERE "status" = 'DRAFT' ORDER BY "id" OFFSET $1 LIMIT 1`,
    [(i * 7) % 50],
  );
  if (!row) throw new Error("No draft to autosave");
  const text = (key: string) => row[key] ?? "";
  return {
    id: row.id,
    baseVersion: row.version,
    fields: {
      title: `${text("title")} (${i})`,
      slug: text("slug"),
      summary: text("summary"),
      lead: text("lead"),
      body: `${text("body")}<p>Typing ${i}</p>`,
      sectionId: text("categoryId"),
      tags: [],
      byline: text("byline"),
      sourceAttribution: text("sourceAttribution"),
      seoTitle: text("seoTitle"),
      seoDescription: text("seoDescription"),
      language: text("language"),
      publishedAt: "",
    },
  };
}

/** A story to publish: a published one is put back to draft first (untimed), so the supply never runs out. */
async function pickStoryToPublish(ctx: BenchContext, i: number) {
  const [row] = await ctx.query<{ id: string; version: number }>(
    `UPDATE "Article" SET "status" = 'DRAFT', "publishedAt" = NULL, "version" = "version" + 1
     WHERE "id" = (SELECT "id" FROM "Article" WHERE "status" = 'PUBLISHED' ORDER BY "id" OFFSET $1 LIMIT 1)
     RETURNING "id", "version"`,
    [(i * 13) % 500],
  );
  if (!row) throw new Error("No story to publish");
  return { transition: "publish", id: row.id, baseVersion: row.version };
}

/**
 * Autosave and publish live in lib/data/articles/ (the editing branch):
 * autosaveArticle({ id, baseVersion, fields }) and
 * transitionArticle({ transition: "publish", id, baseVersion }). Measured once
 * those modules are present; until then reported as pending.
 */
export async function loadWriteOperations(): Promise<BenchOperation[]> {
  const autosaveArticle = asFunction((await importIfPresent("lib/data/articles/autosave.ts"))?.autosaveArticle);
  const transitionArticle = asFunction((await importIfPresent("lib/data/articles/lifecycle.ts"))?.transitionArticle);
  const pending = "n/a (pending merge)";
  return [
    {
      name: "write: autosave",
      targetMs: 30,
      pendingReason: autosaveArticle ? undefined : pending,
      prepare: pickDraftForAutosave,
      run: autosaveArticle && ((ctx, _i, input) => (asEditor(ctx), autosaveArticle(input as Record<string, unknown>))),
    },
    {
      name: "write: publish",
      targetMs: 30,
      pendingReason: transitionArticle ? undefined : pending,
      prepare: pickStoryToPublish,
      run: transitionArticle && ((ctx, _i, input) => (asEditor(ctx), transitionArticle(input as Record<string, unknown>))),
    },
  ];
}
