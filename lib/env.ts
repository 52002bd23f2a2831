import path from "node:path";
import { z } from "zod";

/**
 * Process configuration, read once from the environment. Every knob an
 * operator can turn is here and in the README's configuration table.
 */
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  NEWSDESK_DATA_DIR: z.string().min(1).default(".data"),
  NEWSDESK_TIME_ZONE: z
    .string()
    .default("Asia/Baku")
    .refine(isKnownTimeZone, "NEWSDESK_TIME_ZONE must be an IANA zone such as Asia/Baku"),
  NEWSDESK_SITE_NAME: z.string().min(1).default("Newsdesk"),
  NEWSDESK_SITE_URL: z.url().default("http://localhost:3000"),
  NEWSDESK_LANGUAGE: z.string().min(2).max(12).default("en"),
  /** A newsroom session unused this long ends. */
  NEWSDESK_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(120),
  /** Every newsroom session ends this long after sign-in, however active. */
  NEWSDESK_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(30 * 24).default(12),
  /**
   * How many reverse proxies (load balancer, CDN) in front of the app append to
   * X-Forwarded-For. 0 (the default): none, the client is the socket's peer and
   * whatever X-Forwarded-For a client sends is ignored.
   */
  NEWSDESK_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Memory for the public page cache in MiB; 0 turns the cache off. */
  NEWSDESK_PAGE_CACHE_MB: z.coerce
    .number({ error: "NEWSDESK_PAGE_CACHE_MB must be a number of MiB (0 turns the page cache off)" })
    .int()
    .min(0)
    .max(65536)
    .default(64),
  /** While the database is unavailable, cached pages are answered up to this long past their invalidation; 0 turns it off. */
  NEWSDESK_STALE_IF_ERROR_SECONDS: z.coerce.number().int().min(0).max(30 * 24 * 3600).default(24 * 3600),
});

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Validated environment; throws a readable message naming each bad variable. */
export function getEnv(source: NodeJS.ProcessEnv = process.env): Env {
  if (source === process.env && cached) return cached;
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid Newsdesk configuration:\n${lines.join("\n")}`);
  }
  if (source === process.env) cached = parsed.data;
  return parsed.data;
}

/** Absolute path of the embedded database directory. */
export function getPgliteDir(env: Env = getEnv()): string {
  return path.resolve(env.NEWSDESK_DATA_DIR, "pglite");
}
