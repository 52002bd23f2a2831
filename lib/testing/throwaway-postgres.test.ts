import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { findPostgresBinaries, ThrowawayPostgres } from "./throwaway-postgres";

const lookup = findPostgresBinaries();
if (!lookup.ok) console.warn(`[skip] throwaway PostgreSQL tests: ${lookup.reason}`);

async function canQuery(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

describe.skipIf(!lookup.ok)("a throwaway PostgreSQL cluster", () => {
  let cluster: ThrowawayPostgres | undefined;
  afterAll(() => cluster?.destroy());

  it("starts on its own port, stops and starts again", async () => {
    if (!lookup.ok) return;
    cluster = await ThrowawayPostgres.create(lookup.binaries);
    expect(cluster.port).not.toBe(5432);
    expect(await canQuery(cluster.url())).toBe(true);
    cluster.stop();
    expect(await canQuery(cluster.url())).toBe(false);
    cluster.start();
    expect(await canQuery(cluster.url())).toBe(true);
  });
});
