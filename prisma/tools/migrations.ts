import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { readMigrationList, readSchema } from "./migrations-dir";
import { createSchemaEngine } from "./schema-engine";

const noFilters = { externalTables: [], externalEnums: [] };

/** Applies every pending migration; returns the names applied now. */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await createSchemaEngine(factory, readSchema());
  try {
    const result = await engine.applyMigrations({ migrationsList: readMigrationList(), filters: noFilters });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * SQL that takes a database built from the migrations folder to the current
 * schema.prisma; empty when they agree. Runs on a throwaway in-memory PGlite
 * (the pg adapter's shadow-database handling is unreliable).
 */
export async function diffMigrationsToSchema(): Promise<string> {
  const pglite = new PGlite();
  try {
    const engine = await createSchemaEngine(new PrismaPGlite(pglite), readSchema());
    try {
      const migrations = readMigrationList();
      const result = await engine.diff({
        from: migrations.migrationDirectories.length ? { tag: "migrations", ...migrations } : { tag: "empty" },
        to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: readSchema() }] },
        script: true,
        exitCode: null,
        filters: noFilters,
      });
      const sql = result.stdout ?? "";
      return /^\s*(--.*\n?)*\s*$/.test(sql) && !/\b(CREATE|ALTER|DROP)\b/i.test(sql) ? "" : sql;
    } finally {
      engine.free();
    }
  } finally {
    await pglite.close();
  }
}
