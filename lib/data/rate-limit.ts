import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";

/**
 * A throttling rule. Hits on a key are counted in runs: a run ends after
 * `windowSeconds` with no hit. The `limit`-th hit of a run and every hit
 * after it block the key, first for `blockSeconds`, doubling with each
 * further hit up to `maxBlockSeconds`. A blocked key's hits are refused and
 * not counted, so hammering a blocked key never extends the block.
 */
export interface RateLimitPolicy {
  /** Prefix of every bucket key under this rule, e.g. "sign-in:account". */
  name: string;
  limit: number;
  windowSeconds: number;
  blockSeconds: number;
  maxBlockSeconds: number;
}

/** The outcome of one hit. */
export interface RateLimitHit {
  /** False when the key was blocked: the action must not go ahead. */
  allowed: boolean;
  /** Hits in the current run, this one included when allowed. */
  count: number;
  /** Seconds until the key may be hit again (0: not blocked). */
  retryAfterSeconds: number;
}

const bucketKey = (policy: RateLimitPolicy, key: string) => `${policy.name}:${key}`;

interface BucketRow {
  count: number;
  retryAfter: number | string | null;
}

const toSeconds = (value: number | string | null) => Math.max(0, Math.ceil(Number(value ?? 0)));

/**
 * Counts one hit on `key`, atomically: a single INSERT … ON CONFLICT DO
 * UPDATE, so concurrent requests on any number of app instances each count
 * and agree on the block. `now` is for tests; by default the database's
 * clock decides, so instances with skewed clocks still agree.
 */
export async function hitRateLimit(policy: RateLimitPolicy, key: string, now?: Date): Promise<RateLimitHit> {
  const k = bucketKey(policy, key);
  const at = Prisma.sql`EXCLUDED."updatedAt"`;
  const isNewRun = Prisma.sql`(b."updatedAt" <= ${at} - make_interval(secs => ${policy.windowSeconds}::float8))`;
  const newCount = Prisma.sql`(CASE WHEN ${isNewRun} THEN 1 ELSE b."count" + 1 END)`;
  const blockFor = (count: Prisma.Sql) =>
    Prisma.sql`make_interval(secs => LEAST(${policy.blockSeconds}::float8 * power(2, LEAST(${count} - ${policy.limit}::int, 30)), ${policy.maxBlockSeconds}::float8))`;
  const rows = await db.$queryRaw<BucketRow[]>`
    INSERT INTO "RateLimitBucket" AS b ("key", "count", "windowStart", "blockedUntil", "updatedAt")
    SELECT ${k}, 1, t.at, CASE WHEN 1 >= ${policy.limit}::int THEN t.at + ${blockFor(Prisma.sql`1`)} END, t.at
    FROM (SELECT COALESCE(${now ?? null}::timestamptz, now()) AS at) t
    ON CONFLICT ("key") DO UPDATE SET
      "count" = ${newCount},
      "windowStart" = CASE WHEN ${isNewRun} THEN ${at} ELSE b."windowStart" END,
      "blockedUntil" = CASE WHEN ${newCount} >= ${policy.limit}::int THEN ${at} + ${blockFor(newCount)} END,
      "updatedAt" = ${at}
    WHERE b."blockedUntil" IS NULL OR b."blockedUntil" <= ${at}
    RETURNING "count", EXTRACT(EPOCH FROM ("blockedUntil" - "updatedAt")) AS "retryAfter"`;
  if (Math.random() < 0.02) await pruneRateLimitBuckets(policy, now);
  const hit = rows[0];
  if (hit) return { allowed: true, count: hit.count, retryAfterSeconds: toSeconds(hit.retryAfter) };
  const status = await getRateLimitStatus(policy, key, now);
  return { allowed: false, count: status.count, retryAfterSeconds: Math.max(status.retryAfterSeconds, 1) };
}

/** The key's state without counting a hit. */
export async function getRateLimitStatus(policy: RateLimitPolicy, key: string, now?: Date): Promise<RateLimitHit> {
  const rows = await db.$queryRaw<BucketRow[]>`
    SELECT "count", EXTRACT(EPOCH FROM ("blockedUntil" - COALESCE(${now ?? null}::timestamptz, now()))) AS "retryAfter"
    FROM "RateLimitBucket" WHERE "key" = ${bucketKey(policy, key)}`;
  const row = rows[0];
  if (!row) return { allowed: true, count: 0, retryAfterSeconds: 0 };
  const retryAfterSeconds = toSeconds(row.retryAfter);
  return { allowed: retryAfterSeconds === 0, count: row.count, retryAfterSeconds };
}

/**
 * Takes back one hit (an attempt that turned out fine, counted up front so
 * that parallel attempts cannot slip past the limit). Lifts a block only if
 * the count falls below the limit again.
 */
export async function undoRateLimitHit(policy: RateLimitPolicy, key: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "RateLimitBucket"
    SET "count" = GREATEST("count" - 1, 0),
        "blockedUntil" = CASE WHEN "count" - 1 >= ${policy.limit}::int THEN "blockedUntil" END
    WHERE "key" = ${bucketKey(policy, key)}`;
}

/** Forgets the key entirely (e.g. an account's failures after a successful sign-in). */
export async function resetRateLimit(policy: RateLimitPolicy, key: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "key" = ${bucketKey(policy, key)}`;
}

/** Drops this rule's buckets whose run is over and that block nothing. */
export async function pruneRateLimitBuckets(policy: RateLimitPolicy, now?: Date): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "RateLimitBucket"
    WHERE "key" LIKE ${`${policy.name}:%`}
      AND "updatedAt" < COALESCE(${now ?? null}::timestamptz, now()) - make_interval(secs => ${policy.windowSeconds}::float8)
      AND ("blockedUntil" IS NULL OR "blockedUntil" < COALESCE(${now ?? null}::timestamptz, now()))`;
}
