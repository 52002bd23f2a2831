import type { Readiness } from "./readiness";

export type DatabaseState = "unknown" | "up" | "down";

/** The few logger methods the monitor uses (pino's logger fits). */
export interface FaultLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface DatabaseHealthOptions {
  /** One readiness probe (lib/db/readiness.ts); must not throw. */
  check(): Promise<Readiness>;
  log: FaultLog;
  /** Delays between probes while down; the last one repeats. Capped at 500 ms so recovery is noticed within about half a second. */
  retryDelaysMs?: readonly number[];
  /** While down, repeat the "still waiting" line this often. */
  remindEveryMs?: number;
  now?: () => number;
}

const DEFAULT_DELAYS = [100, 200, 300, 500];

/**
 * What this process believes about its database, kept current without
 * polling while all is well: a request that fails with a "database
 * unavailable" error reports it, and from then until a probe succeeds the
 * monitor probes with backoff (at most half a second apart). The page cache reads
 * it to answer stale copies without trying a render; the response guard to
 * turn a 500 into a 503; /readyz and the start-up line report it.
 */
export class DatabaseHealth {
  private state: DatabaseState = "unknown";
  private reason = "not checked yet";
  private since: number;
  private attempt = 0;
  private lastReminderAt = 0;
  private probing: Promise<Readiness> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private isStopped = false;
  private hasBeenUp = false;
  private readyWaiters: (() => void)[] = [];
  private readonly now: () => number;
  private readonly delays: readonly number[];

  constructor(private readonly options: DatabaseHealthOptions) {
    this.now = options.now ?? Date.now;
    this.since = this.now();
    this.delays = options.retryDelaysMs ?? DEFAULT_DELAYS;
  }

  /** Probes at once; keeps probing with backoff until the database is ready. */
  start(): Promise<Readiness> {
    return this.probeNow();
  }

  stop(): void {
    this.isStopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  get current(): { state: DatabaseState; reason: string; since: number } {
    return { state: this.state, reason: this.reason, since: this.since };
  }

  isDown(): boolean {
    return this.state === "down";
  }

  /** Resolves once a probe has found the database ready. */
  whenReady(): Promise<void> {
    if (this.state === "up") return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** A request failed with a database-unavailable error: believe it, then probe until it is back. */
  reportUnavailable(error: unknown): void {
    if (this.state === "down") return;
    this.markDown(describe(error));
    this.scheduleProbe();
  }

  /** One probe (shared with any running one); updates the state. */
  probeNow(): Promise<Readiness> {
    this.probing ??= this.options
      .check()
      .then((result) => {
        if (result.ok) this.markUp();
        else {
          this.markDown(result.reason);
          this.scheduleProbe();
        }
        return result;
      })
      .finally(() => {
        this.probing = undefined;
      });
    return this.probing;
  }

  private markUp(): void {
    if (this.state !== "up") {
      const downForMs = this.now() - this.since;
      this.state = "up";
      this.reason = "ready";
      this.since = this.now();
      this.attempt = 0;
      if (!this.hasBeenUp) this.options.log.info({ event: "database-ready", waitedMs: downForMs }, "database ready");
      else this.options.log.info({ event: "database-up", downForMs }, "database available again");
      this.hasBeenUp = true;
    }
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private markDown(reason: string): void {
    const at = this.now();
    if (this.state !== "down") {
      this.state = "down";
      this.since = at;
      this.lastReminderAt = at;
      this.reason = reason;
      if (!this.hasBeenUp) {
        this.options.log.warn({ event: "database-waiting", reason }, `waiting for the database (${reason}); retrying until it is ready`);
      } else {
        this.options.log.warn({ event: "database-down", reason }, `database unavailable (${reason}); serving stale pages and 503s until it is back`);
      }
      return;
    }
    this.reason = reason;
    if (at - this.lastReminderAt >= (this.options.remindEveryMs ?? 30_000)) {
      this.lastReminderAt = at;
      this.options.log.warn({ event: "database-still-down", reason, downForMs: at - this.since }, `database still unavailable (${reason})`);
    }
  }

  private scheduleProbe(): void {
    if (this.isStopped || this.timer) return;
    const delay = this.delays[Math.min(this.attempt++, this.delays.length - 1)] ?? 1000;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.probeNow();
    }, delay);
    this.timer.unref();
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n").filter(Boolean).pop()?.slice(0, 300) ?? "unknown error";
}
