import pg from "pg";

/** Drops and recreates the public schema of a PostgreSQL database. */
export async function resetDatabase(target: { url: string }): Promise<void> {
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    await client.query("CREATE SCHEMA public");
  } finally {
    await client.end();
  }
}
