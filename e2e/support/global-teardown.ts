import pg from "pg";
import { freshnessTarget } from "./e2e-env";

/** Drops the freshness server's throwaway PostgreSQL database (the server has stopped by now). */
export default async function globalTeardown(): Promise<void> {
  const target = freshnessTarget();
  if (!target?.isOwnServer) return;
  const url = new URL(target.databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  try {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } catch (error) {
    console.warn(`Could not drop ${name}: ${(error as Error).message}`);
  } finally {
    await admin.end().catch(() => {});
  }
}
