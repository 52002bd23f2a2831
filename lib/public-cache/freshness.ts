import type { NotificationHandlers, NotificationSubscription } from "../db/notifications";
import type { FreshnessGate } from "./state";
import { parseChangeNotification, tagsForArticleChange, type ArticleChange } from "./tags";

export interface Invalidator {
  invalidateTags(tags: Iterable<string>): unknown;
  invalidateAll(): unknown;
}

export interface FreshnessDeps {
  invalidator: Invalidator;
  /** Starts LISTENing for change notifications. */
  subscribe(handlers: NotificationHandlers): Promise<NotificationSubscription>;
  nextScheduledPublication(after: Date): Promise<Date | null>;
  storiesGoingLive(after: Date, until: Date): Promise<ArticleChange[]>;
  now?: () => number;
  log?: (message: string) => void;
}

/** More stories than this going live at one instant: simpler to drop everything. */
const MAX_PRECISE_GOING_LIVE = 500;
/** Re-check the schedule at least this often (guards against clock jumps and long timers). */
const MAX_TIMER_MS = 60 * 60 * 1000;
const RETRY_MS = 1000;

/**
 * Keeps the page cache true to the database with no polling:
 *  - every committed change arrives as a NOTIFY (from this process or any
 *    other) and drops the pages it touched;
 *  - scheduled stories have no event at their time, so the monitor knows the
 *    next scheduled instant and, when it passes, drops the pages of the
 *    stories that went live. A timer does it with nobody touching anything,
 *    and the cache front waits for it before serving a page after that
 *    instant, so no reader gets a page from before the story appeared.
 * While the notification connection is down, or the schedule is unknown, the
 * monitor is not trustworthy and the front renders every page.
 */
export class FreshnessMonitor implements FreshnessGate {
  private isListening = false;
  private isScheduleKnown = false;
  private nextScheduledAt: number | null = null;
  private lastScanAt: number;
  private dueRun: Promise<void> | undefined;
  private refreshRun: Promise<void> | undefined;
  private isRefreshRequested = false;
  private timer: NodeJS.Timeout | undefined;
  private subscription: NotificationSubscription | undefined;
  private isStopped = false;
  private isScheduleFailing = false;
  private hasConnectedBefore = false;
  private readonly now: () => number;
  private readonly log: (message: string) => void;

  constructor(private readonly deps: FreshnessDeps) {
    this.now = deps.now ?? Date.now;
    this.log = deps.log ?? ((message) => console.warn(`[newsdesk] page cache: ${message}`));
    this.lastScanAt = this.now();
  }

  async start(): Promise<void> {
    this.subscription = await this.deps.subscribe({
      onMessage: (payload) => this.onMessage(payload),
      onConnected: () => {
        // Whatever happened while we were not listening is unknown: every
        // page is dropped (kept aside as a stale copy, ./stale.ts) and
        // rendered afresh on its next request.
        if (this.isListening === false && this.hasConnectedBefore) this.log("change notifications back; cached pages will be rendered afresh");
        this.hasConnectedBefore = true;
        this.deps.invalidator.invalidateAll();
        this.isListening = true;
        void this.refreshSchedule();
      },
      onDisconnected: (error) => {
        if (this.isListening) this.log(`change notifications lost (${String(error)}); rendering every page until they are back`);
        this.isListening = false;
      },
    });
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.subscription?.close();
  }

  isTrustworthy(): boolean {
    return this.isListening && this.isScheduleKnown;
  }

  /** The instant the next scheduled story goes live, if known. */
  get nextScheduledTime(): number | null {
    return this.nextScheduledAt;
  }

  pendingWork(): Promise<void> | undefined {
    if (this.nextScheduledAt !== null && this.now() >= this.nextScheduledAt) return this.runDue();
    return this.dueRun;
  }

  private onMessage(payload: string): void {
    const notification = parseChangeNotification(payload);
    if (notification.all) {
      this.deps.invalidator.invalidateAll();
      void this.refreshSchedule();
      return;
    }
    this.deps.invalidator.invalidateTags(tagsForArticleChange(notification.change));
    if (notification.affectsSchedule) void this.refreshSchedule();
  }

  /** Drops the pages of stories whose scheduled time has come, then looks for the next one. */
  private runDue(): Promise<void> {
    this.dueRun ??= (async () => {
      try {
        const until = this.now();
        const live = await this.deps.storiesGoingLive(new Date(this.lastScanAt), new Date(until));
        if (live.length >= MAX_PRECISE_GOING_LIVE) this.deps.invalidator.invalidateAll();
        else for (const change of live) this.deps.invalidator.invalidateTags(tagsForArticleChange(change));
        this.lastScanAt = until;
        await this.refreshSchedule();
      } catch (error) {
        this.failSchedule(error);
      } finally {
        this.dueRun = undefined;
      }
    })();
    return this.dueRun;
  }

  private refreshSchedule(): Promise<void> {
    if (this.refreshRun) {
      this.isRefreshRequested = true;
      return this.refreshRun;
    }
    this.refreshRun = (async () => {
      try {
        do {
          this.isRefreshRequested = false;
          const next = await this.deps.nextScheduledPublication(new Date(this.lastScanAt));
          this.nextScheduledAt = next ? next.getTime() : null;
        } while (this.isRefreshRequested);
        this.isScheduleKnown = true;
        this.isScheduleFailing = false;
        this.armTimer();
      } catch (error) {
        this.failSchedule(error);
      } finally {
        this.refreshRun = undefined;
      }
    })();
    return this.refreshRun;
  }

  private failSchedule(error: unknown): void {
    this.isScheduleKnown = false;
    // Once per outage, not every second of it.
    if (!this.isScheduleFailing) this.log(`could not read the publication schedule (${String(error)}); retrying`);
    this.isScheduleFailing = true;
    this.setTimer(RETRY_MS, () => void this.refreshSchedule());
  }

  private armTimer(): void {
    if (this.nextScheduledAt === null) {
      this.setTimer(MAX_TIMER_MS, () => void this.refreshSchedule());
      return;
    }
    const delay = Math.max(0, this.nextScheduledAt - this.now());
    if (delay > MAX_TIMER_MS) this.setTimer(MAX_TIMER_MS, () => void this.refreshSchedule());
    else this.setTimer(delay, () => void this.runDue());
  }

  private setTimer(delay: number, run: () => void): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.isStopped) return;
    this.timer = setTimeout(run, delay);
    this.timer.unref();
  }
}
