import type { QueryRows } from "../backup/database-summary";

/** Every row of every table, as sorted JSON text per table: two databases hold the same data when these are equal. */
export type DatabaseContents = Record<string, string[]>;

export async function readDatabaseContents(query: QueryRows): Promise<DatabaseContents> {
  const tables = await query(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const contents: DatabaseContents = {};
  for (const { table_name: table } of tables) {
    const rows = await query(`SELECT to_jsonb(t)::text AS row FROM "${String(table)}" t ORDER BY 1`);
    contents[String(table)] = rows.map((r) => String(r.row));
  }
  return contents;
}
