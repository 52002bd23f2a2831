import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/** The connection LISTEN/NOTIFY runs on: the embedded database itself, or a server. */
export type NotificationSource = { kind: "pglite"; pglite: PGlite } | { kind: "postgres"; url: string };

export interface NotificationHandlers {
  onMessage(payload: string): void;
  /**
   * Called when listening starts and after every reconnection: messages sent
   * while disconnected are lost, so the listener must assume anything changed.
   */
  onConnected(): void;
  /** Called when the connection drops; messages may be missed until onConnected. */
  onDisconnected(error: unknown): void;
}

/** A running subscription; `close` stops it for good. */
export interface NotificationSubscription {
  close(): Promise<void>;
}

const RETRY_MS = [100, 250, 500, 1000, 2000, 5000];

/**
 * LISTENs on `channel`. On PostgreSQL this holds one dedicated connection
 * (outside the query pool) and reconnects with backoff when it drops.
 */
export async function listenForNotifications(
  source: NotificationSource,
  channel: string,
  handlers: NotificationHandlers,
): Promise<NotificationSubscription> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Invalid channel name: ${channel}`);
  if (source.kind === "pglite") {
    const unlisten = await source.pglite.listen(channel, handlers.onMessage);
    handlers.onConnected();
    return { close: () => unlisten() };
  }
  return listenOnPostgres(source.url, channel, handlers);
}

async function listenOnPostgres(url: string, channel: string, handlers: NotificationHandlers): Promise<NotificationSubscription> {
  let client: pg.Client | undefined;
  let isClosed = false;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, application_name: "newsdesk-public-cache" });
    next.on("notification", (message) => {
      if (message.channel === channel && message.payload !== undefined) handlers.onMessage(message.payload);
    });
    next.on("error", (error) => dropped(next, error));
    next.on("end", () => dropped(next, new Error("notification connection ended")));
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    if (isClosed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    attempt = 0;
    handlers.onConnected();
  };

  const dropped = (which: pg.Client, error: unknown): void => {
    if (client !== which || isClosed) return;
    client = undefined;
    which.removeAllListeners("end");
    which.end().catch(() => {});
    handlers.onDisconnected(error);
    scheduleRetry();
  };

  const scheduleRetry = (): void => {
    if (isClosed) return;
    const delay = RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)];
    retryTimer = setTimeout(() => {
      connect().catch((error: unknown) => {
        handlers.onDisconnected(error);
        scheduleRetry();
      });
    }, delay);
    retryTimer.unref();
  };

  await connect().catch((error: unknown) => {
    handlers.onDisconnected(error);
    scheduleRetry();
  });
  return {
    close: async () => {
      isClosed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const current = client;
      client = undefined;
      if (current) {
        current.removeAllListeners("end");
        await current.end().catch(() => {});
      }
    },
  };
}
