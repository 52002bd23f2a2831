import "server-only";
import fs from "node:fs";
import path from "node:path";
import { getNextScheduledPublication, listStoriesGoingLive } from "../data/public-cache-refs";
import { getDbNotificationSource } from "../db";
import { getDatabaseHealth } from "../db/process-health";
import { listenForNotifications } from "../db/notifications";
import { getEnv } from "../env";
import { logger } from "../log";
import { sendOutage } from "../server/outage-page";
import { createCacheFront, type CacheFront } from "./front";
import { FreshnessMonitor } from "./freshness";
import { getPublicCacheState, invalidateCachedTags, invalidateEverything } from "./state";

/** The NOTIFY channel the database triggers announce public changes on. */
export const PUBLIC_CHANGE_CHANNEL = "newsdesk_public_change";

// The server (lib/server/start-server.mjs) looks the front up here.
const FRONT_KEY = Symbol.for("newsdesk.publicCache.front");

/**
 * The build's draft-mode id (Next.js keeps it in the prerender manifest and
 * puts it in the `__prerender_bypass` cookie). Unreadable: no cookie is
 * trusted, so draft mode cannot skip the cache (previews live under
 * /preview/, which is never cached anyway).
 */
function readDraftModeId(): string | undefined {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(".next", "prerender-manifest.json"), "utf8")) as { preview?: { previewModeId?: unknown } };
    const id = manifest.preview?.previewModeId;
    return typeof id === "string" && id.length > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts the public page cache in this server process: listens for the
 * database's change notifications, watches the publication schedule, and
 * publishes the HTTP front for the server to put before Next.js. With
 * NEWSDESK_PAGE_CACHE_MB=0 pages are not cached but the data memo still is.
 * A no-op under plain `next start`, which has no front to use it.
 */
export async function installPublicCache(): Promise<void> {
  const state = getPublicCacheState();
  if (state.freshness || process.env.NEWSDESK_PAGE_CACHE_FRONT !== "1") return;
  const source = getDbNotificationSource();
  if (!source) throw new Error("The page cache needs database notifications, which this database does not offer");
  state.database = getDatabaseHealth();
  const monitor = new FreshnessMonitor({
    invalidator: { invalidateTags: invalidateCachedTags, invalidateAll: invalidateEverything },
    subscribe: (handlers) => listenForNotifications(source, PUBLIC_CHANGE_CHANNEL, handlers),
    nextScheduledPublication: getNextScheduledPublication,
    storiesGoingLive: listStoriesGoingLive,
    log: (message) => logger.warn({ event: "page-cache" }, `page cache: ${message}`),
  });
  state.freshness = monitor;
  const env = getEnv();
  const front: CacheFront = createCacheFront({
    state,
    siteHost: new URL(env.NEWSDESK_SITE_URL).host,
    draftModeId: readDraftModeId(),
    sendOutage: (req, res) => sendOutage(req, res, env.NEWSDESK_SITE_NAME),
    staleIfErrorSeconds: env.NEWSDESK_STALE_IF_ERROR_SECONDS,
    log: (message) => logger.warn({ event: "page-cache" }, `page cache: ${message}`),
  });
  (globalThis as unknown as Record<symbol, CacheFront>)[FRONT_KEY] = front;
  await monitor.start();
  const megabytes = env.NEWSDESK_PAGE_CACHE_MB;
  console.info(`[newsdesk] public page cache: ${megabytes > 0 ? `on, ${megabytes} MiB` : "off (NEWSDESK_PAGE_CACHE_MB=0)"}`);
}
