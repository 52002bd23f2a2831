import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedDatabase } from "../../prisma/seed/seed-database";
import { getNextScheduledPublication, listStoriesGoingLive } from "../data/public-cache-refs";
import { listenForNotifications, type NotificationSubscription } from "../db/notifications";
import { provideTestDatabase } from "../testing/test-database";
import { FreshnessMonitor } from "./freshness";
import { PUBLIC_CHANGE_CHANNEL } from "./install";
import { invalidateForArticle } from "./invalidate";
import { getPublicCacheState, resetPublicCacheStateForTesting } from "./state";
import { parseChangeNotification, type ChangeNotification } from "./tags";

const getDb = provideTestDatabase();
const received: ChangeNotification[] = [];
let subscription: NotificationSubscription | undefined;

async function waitFor<T>(read: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Payload of the marker notification notificationsFrom sends after each action. */
const MARKER_PREFIX = "test-marker:";
let markers = 0;
const markerWaiters = new Map<string, () => void>();

/**
 * Every notification `action` caused. PostgreSQL (and PGlite) deliver a
 * listener the notifications of committed transactions in commit order, so
 * once a marker sent after the action has arrived, everything the action
 * announced has too — no quiet period to guess.
 */
async function notificationsFrom(action: () => Promise<unknown>): Promise<ChangeNotification[]> {
  received.length = 0;
  await action();
  const marker = `${MARKER_PREFIX}${++markers}`;
  const arrived = new Promise<void>((resolve) => markerWaiters.set(marker, resolve));
  await getDb().$executeRaw`SELECT pg_notify(${PUBLIC_CHANGE_CHANNEL}, ${marker})`;
  await arrived;
  return [...received];
}

function onTestMessage(payload: string): void {
  if (payload.startsWith(MARKER_PREFIX)) markerWaiters.get(payload)?.();
  else received.push(parseChangeNotification(payload));
}

async function ids() {
  const db = getDb();
  const business = await db.category.findUniqueOrThrow({ where: { slug: "business" } });
  const author = await db.user.findUniqueOrThrow({ where: { slug: "rashad-aliyev" } });
  return { businessId: business.id, authorId: author.id };
}

function articleChange(notification: ChangeNotification | undefined) {
  if (!notification || notification.all) throw new Error(`expected an article change, got ${JSON.stringify(notification)}`);
  return notification;
}

describe("database change notifications", () => {
  beforeAll(async () => {
    await seedDatabase(getDb());
    subscription = await listenForNotifications(getDb.database().notifications, PUBLIC_CHANGE_CHANNEL, {
      onMessage: onTestMessage,
      onConnected: () => {},
      onDisconnected: () => {},
    });
  });

  afterAll(async () => {
    await subscription?.close();
  });

  it("announce a publish with the story's address, section and parent, tags and author", async () => {
    const { businessId, authorId } = await ids();
    const messages = await notificationsFrom(() =>
      getDb().article.create({
        data: {
          slug: "factory-opens",
          title: "Factory opens",
          lead: "Lead.",
          body: "<p>Body.</p>",
          status: "PUBLISHED",
          publishedAt: new Date(),
          categoryId: businessId,
          authorId,
          tags: { create: [{ position: 0, tag: { connectOrCreate: { where: { slug: "industry" }, create: { name: "industry", slug: "industry" } } } }] },
        },
      }),
    );
    const changes = messages.map(articleChange);
    const all = changes.flatMap((c) => [...(c.change.paths ?? []), ...(c.change.sectionSlugs ?? []), ...(c.change.authorSlugs ?? []), ...(c.change.tagSlugs ?? [])]);
    expect(all).toEqual(expect.arrayContaining(["/news/business/factory-opens", "business", "economy", "rashad-aliyev", "industry"]));
    expect(changes.every((c) => c.change.listingChanged)).toBe(true);
  });

  it("say nothing about drafts, rolled-back changes or bookkeeping", async () => {
    const { businessId, authorId } = await ids();
    expect(
      await notificationsFrom(() =>
        getDb().article.create({ data: { slug: "a-draft", title: "Draft", lead: "L", body: "B", categoryId: businessId, authorId } }),
      ),
    ).toEqual([]);
    expect(
      await notificationsFrom(() =>
        getDb()
          .$transaction(async (tx) => {
            await tx.article.update({ where: { language_slug: { language: "en", slug: "factory-opens" } }, data: { title: "Never" } });
            throw new Error("roll back");
          })
          .catch(() => {}),
      ),
    ).toEqual([]);
    expect(
      await notificationsFrom(() =>
        getDb().article.update({ where: { language_slug: { language: "en", slug: "factory-opens" } }, data: { version: { increment: 1 } } }),
      ),
    ).toEqual([]);
    expect(await notificationsFrom(() => getDb().user.updateMany({ data: { lastLoginAt: new Date() } }))).toEqual([]);
  });

  it("mark a body edit as not changing any list", async () => {
    const [message] = await notificationsFrom(() =>
      getDb().article.update({ where: { language_slug: { language: "en", slug: "factory-opens" } }, data: { body: "<p>Fixed a typo.</p>" } }),
    );
    expect(articleChange(message).change).toMatchObject({ paths: ["/news/business/factory-opens"], listingChanged: false });
  });

  it("name both the old and the new address when the slug changes, and the old one on unpublish", async () => {
    const [renamed] = await notificationsFrom(() =>
      getDb().article.update({ where: { language_slug: { language: "en", slug: "factory-opens" } }, data: { slug: "plant-opens" } }),
    );
    expect(new Set(articleChange(renamed).change.paths)).toEqual(new Set(["/news/business/factory-opens", "/news/business/plant-opens"]));
    const [archived] = await notificationsFrom(() =>
      getDb().article.update({ where: { language_slug: { language: "en", slug: "plant-opens" } }, data: { status: "ARCHIVED" } }),
    );
    expect(articleChange(archived).change).toMatchObject({ paths: ["/news/business/plant-opens"], listingChanged: true });
  });

  it("flag scheduling so the cache re-reads the schedule", async () => {
    const { businessId, authorId } = await ids();
    const [message] = await notificationsFrom(() =>
      getDb().article.create({
        data: { slug: "tomorrow", title: "Tomorrow", lead: "L", body: "B", status: "SCHEDULED", publishedAt: new Date(Date.now() + 86_400_000), categoryId: businessId, authorId },
      }),
    );
    expect(articleChange(message).affectsSchedule).toBe(true);
  });

  it("announce section, tag-name and author-name changes as site-wide", async () => {
    expect(await notificationsFrom(() => getDb().category.update({ where: { slug: "business" }, data: { name: "Business & finance" } }))).toEqual([{ all: true }]);
    expect(await notificationsFrom(() => getDb().tag.update({ where: { slug: "industry" }, data: { name: "Industry" } }))).toEqual([{ all: true }]);
    expect(await notificationsFrom(() => getDb().user.update({ where: { slug: "rashad-aliyev" }, data: { bio: "Economy correspondent." } }))).toEqual([{ all: true }]);
  });
});

describe("the page cache against a real database", () => {
  beforeEach(() => {
    resetPublicCacheStateForTesting();
  });

  afterAll(() => {
    resetPublicCacheStateForTesting();
  });

  it("invalidateForArticle reads where a story appears and drops exactly those pages", async () => {
    const { store } = getPublicCacheState();
    const ticket = store.beginRender();
    const page = { status: 200, headers: [], bodyParts: [Buffer.from("x")], byteLength: 1 };
    for (const [key, tags] of [
      ["/news/business/plant-opens", ["path:/news/business/plant-opens", "latest"]],
      ["/news/economy", ["section:economy"]],
      ["/news/sports", ["section:sports"]],
      ["/authors/rashad-aliyev", ["author:rashad-aliyev"]],
      ["/news/business/old-address", ["path:/news/business/old-address", "latest"]],
    ] as const) {
      store.set(key, tags, page, 60_000, ticket);
    }
    const article = await getDb().article.findFirstOrThrow({ where: { slug: "plant-opens" } });
    await invalidateForArticle({ articleId: article.id, oldPaths: ["/news/business/old-address"] });
    expect(store.get("/news/sports")).toBeDefined();
    for (const key of ["/news/business/plant-opens", "/news/economy", "/authors/rashad-aliyev", "/news/business/old-address"]) {
      expect(store.get(key)).toBeUndefined();
    }
  });

  it("drops a scheduled story's pages when its time comes, with no one touching anything", async () => {
    const { businessId, authorId } = await ids();
    const monitor = new FreshnessMonitor({
      invalidator: getPublicCacheState().store,
      subscribe: (handlers) => listenForNotifications(getDb.database().notifications, PUBLIC_CHANGE_CHANNEL, handlers),
      nextScheduledPublication: getNextScheduledPublication,
      storiesGoingLive: listStoriesGoingLive,
      log: () => {},
    });
    await monitor.start();
    try {
      const { store } = getPublicCacheState();
      const goesLiveAt = new Date(Date.now() + 1500);
      await getDb().article.create({
        data: { slug: "at-noon", title: "At noon", lead: "L", body: "B", status: "SCHEDULED", publishedAt: goesLiveAt, categoryId: businessId, authorId },
      });
      await waitFor(() => (monitor.nextScheduledTime === goesLiveAt.getTime() ? true : undefined));
      store.set("/", ["latest"], { status: 200, headers: [], bodyParts: [Buffer.from("old home")], byteLength: 8 }, 60_000, store.beginRender());
      expect(store.get("/")).toBeDefined();
      // The monitor's own timer fires at the scheduled instant.
      await waitFor(() => (store.get("/") ? undefined : true), 5000);
      expect(Date.now()).toBeGreaterThanOrEqual(goesLiveAt.getTime());
    } finally {
      await monitor.stop();
    }
  });
});
