/**
 * `--explain`: runs each list operation once through a client that logs its
 * SQL, then prints EXPLAIN ANALYZE for every statement that reads "Article".
 */
import { setDbForTesting } from "../../lib/db";
import type { BenchContext } from "./admin-bench-operations";
import { listOperations } from "./admin-bench-operations";
import type { BenchDatabase } from "./bench-database";

interface CapturedQuery {
  query: string;
  params: string;
}

export async function explainOperations(ctx: BenchContext, database: BenchDatabase): Promise<void> {
  const client = database.createLoggingClient();
  const captured: CapturedQuery[] = [];
  client.$on("query", (event) => captured.push({ query: event.query, params: event.params }));
  try {
    setDbForTesting(client as unknown as typeof database.client);
    for (const operation of listOperations) {
      captured.length = 0;
      await operation.run?.(ctx, 1, undefined);
      console.log(`\n=== EXPLAIN: ${operation.name}`);
      for (const { query, params } of captured.filter((c) => c.query.includes(`"Article" a`))) {
        const plan = await database.query<{ "QUERY PLAN": string }>(
          `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${query}`,
          JSON.parse(params) as unknown[],
        );
        console.log(plan.map((line) => `  ${line["QUERY PLAN"]}`).join("\n"));
      }
    }
  } finally {
    setDbForTesting(database.client);
    await client.$disconnect();
  }
}
