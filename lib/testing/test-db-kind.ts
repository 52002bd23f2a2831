/** Which database the integration tests run on (NEWSDESK_TEST_DB). */
export type TestDbKind = "pglite" | "postgres";

export function getTestDbKind(): TestDbKind {
  return process.env.NEWSDESK_TEST_DB === "postgres" ? "postgres" : "pglite";
}

/** Server URL for throwaway test databases: TEST_DATABASE_URL, DATABASE_URL, or the local default. */
export function getPostgresAdminUrl(): string {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
