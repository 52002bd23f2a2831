import { spawnSync } from "node:child_process";
import path from "node:path";

/** Port of the e2e server (E2E_PORT, default 3100), apart from dev's 3000. */
export const e2ePort = Number(process.env.E2E_PORT ?? 3100);

/** The e2e server's own embedded database, recreated on every run. */
export const e2eDataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e");

/**
 * A second server, plain `next start` (no page cache front), on its own
 * embedded database: the reader journeys run against it too, so the site
 * works the same without the front.
 */
export const plainNextPort = e2ePort + 3;
export const plainNextDataDir = `${e2eDataDir}-next-start`;

/**
 * Freshness journeys change the database from the test process while the
 * server runs, which the single-process embedded database cannot allow: they
 * run against a server on PostgreSQL. That is the main e2e server when
 * E2E_DATABASE_URL is set, else a second server on its own throwaway
 * database (E2E_FRESHNESS_DATABASE_URL, default newsdesk_e2e_fresh_<port> on
 * TEST_DATABASE_URL's server), or none when PostgreSQL is unreachable.
 */
export interface FreshnessTarget {
  baseURL: string;
  databaseUrl: string;
  /** True when this run starts (and later drops) a server and database of its own. */
  isOwnServer: boolean;
  port: number;
}

function postgresServerUrl(): string {
  return process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
}

function isReachable(url: string): boolean {
  const probe = `const pg=require("pg");const c=new pg.Client({connectionString:process.argv[1],connectionTimeoutMillis:3000});c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))`;
  return spawnSync(process.execPath, ["-e", probe, url], { timeout: 10_000 }).status === 0;
}

function resolveFreshnessTarget(): FreshnessTarget | null {
  if (process.env.E2E_DATABASE_URL) {
    return { baseURL: `http://localhost:${e2ePort}`, databaseUrl: process.env.E2E_DATABASE_URL, isOwnServer: false, port: e2ePort };
  }
  const server = postgresServerUrl();
  if (!isReachable(server)) return null;
  const port = e2ePort + 2;
  const url = new URL(process.env.E2E_FRESHNESS_DATABASE_URL ?? server);
  if (!process.env.E2E_FRESHNESS_DATABASE_URL) url.pathname = `/newsdesk_e2e_fresh_${e2ePort}`;
  return { baseURL: `http://localhost:${port}`, databaseUrl: url.toString(), isOwnServer: true, port };
}

let resolved: FreshnessTarget | null | undefined;

/** Where freshness journeys run, or null (they are skipped) without PostgreSQL. */
export function freshnessTarget(): FreshnessTarget | null {
  if (resolved === undefined) {
    // Worker processes inherit the decision the config made.
    const inherited = process.env.NEWSDESK_E2E_FRESHNESS;
    resolved = inherited !== undefined ? (inherited ? (JSON.parse(inherited) as FreshnessTarget) : null) : resolveFreshnessTarget();
    process.env.NEWSDESK_E2E_FRESHNESS = resolved ? JSON.stringify(resolved) : "";
  }
  return resolved;
}
