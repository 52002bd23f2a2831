/**
 * Stories the article-list and preview journeys read, written into the e2e
 * database by prepare-database.ts before the server starts (the embedded
 * database then belongs to `next start`). Every one carries the word
 * LIST_MARKER, so a search for it gives the specs a set no other spec's
 * data can change. Nothing here is public except four stories published six
 * years ago, far below anything the public-site journeys look at.
 */
import { createHash } from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { ArticleStatus } from "../../lib/generated/prisma/enums";
import { demoAccount } from "./demo-users";

export const LIST_MARKER = "quillfeather";

interface ListFixture {
  title: string;
  status: ArticleStatus;
  section: string;
  by: "editor" | "author";
  /** Hours from now: negative for the past. */
  publishedInHours?: number;
  language?: string;
}

const day = 24;

export const listFixtures: ListFixture[] = [
  ...Array.from({ length: 5 }, (_, i) => ({ title: `Harbour dredging plan, part ${i + 1}`, status: "DRAFT" as const, section: "economy", by: "author" as const })),
  { title: "Bank branch network shrinks", status: "DRAFT", section: "business", by: "author" },
  { title: "Chess olympiad squad named", status: "DRAFT", section: "sports", by: "editor" },
  { title: "Opera season opens with premiere", status: "DRAFT", section: "culture", by: "editor" },
  { title: "Tram line extension approved", status: "DRAFT", section: "society", by: "editor" },
  { title: "Паромное сообщение возобновлено", status: "DRAFT", section: "world", by: "editor", language: "ru" },
  ...Array.from({ length: 4 }, (_, i) => ({ title: `Grain harvest estimate ${i + 1}`, status: "IN_REVIEW" as const, section: "economy", by: "author" as const })),
  { title: "Wrestling federation elects president", status: "SCHEDULED", section: "sports", by: "editor", publishedInHours: day },
  { title: "Museum night programme announced", status: "SCHEDULED", section: "culture", by: "editor", publishedInHours: 2 * day },
  { title: "Startup fund opens applications", status: "SCHEDULED", section: "business", by: "editor", publishedInHours: 3 * day },
  { title: "Ferry timetable changes from Monday", status: "SCHEDULED", section: "society", by: "editor", publishedInHours: -6 * 365 * day - 3 },
  { title: "Lighthouse restoration completed", status: "PUBLISHED", section: "culture", by: "editor", publishedInHours: -6 * 365 * day },
  { title: "Coastal road reopens", status: "PUBLISHED", section: "society", by: "editor", publishedInHours: -6 * 365 * day - 1 },
  { title: "Fishing quota agreed", status: "PUBLISHED", section: "economy", by: "author", publishedInHours: -6 * 365 * day - 2 },
  ...Array.from({ length: 4 }, (_, i) => ({ title: `Old tender notice ${i + 1}`, status: "ARCHIVED" as const, section: "world", by: "editor" as const, publishedInHours: -7 * 365 * day - i })),
];

/** 43 base64url characters, already expired: the e2e check that expiry closes a link. */
export const EXPIRED_PREVIEW_TOKEN = "ExpiredE2eTokenExpiredE2eTokenExpiredE2eTok";

export async function seedListFixtures(db: PrismaClient): Promise<void> {
  const sections = new Map((await db.category.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id]));
  const users = {
    editor: await db.user.findUniqueOrThrow({ where: { email: demoAccount("editor").email }, select: { id: true } }),
    author: await db.user.findUniqueOrThrow({ where: { email: demoAccount("author").email }, select: { id: true } }),
  };
  const now = Date.now();
  let firstDraftId: string | undefined;
  for (const [index, fixture] of listFixtures.entries()) {
    const article = await db.article.create({
      data: {
        title: fixture.title,
        slug: `list-fixture-${index + 1}`,
        language: fixture.language ?? "en",
        lead: `Fixture story ${index + 1} for the newsroom list (${LIST_MARKER}).`,
        body: `<p>Written for the ${LIST_MARKER} journeys: ${fixture.title.toLowerCase()}.</p>`,
        status: fixture.status,
        publishedAt: fixture.publishedInHours === undefined ? null : new Date(now + fixture.publishedInHours * 3_600_000),
        categoryId: sections.get(fixture.section) as string,
        authorId: users[fixture.by].id,
      },
      select: { id: true },
    });
    firstDraftId ??= article.id;
    // Distinct, older-first update times: page breaks fall in a known place.
    await db.$executeRaw`UPDATE "Article" SET "updatedAt" = ${new Date(now - (index + 1) * 60_000)} WHERE "id" = ${article.id}::uuid`;
  }
  await db.previewLink.create({
    data: {
      tokenHash: createHash("sha256").update(EXPIRED_PREVIEW_TOKEN).digest("hex"),
      articleId: firstDraftId as string,
      createdById: users.editor.id,
      expiresAt: new Date(now - 60_000),
    },
  });
}
