import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

interface ScriptDriver {
  exec?: (sql: string) => Promise<unknown>;
  query?: (sql: string) => Promise<unknown>;
}

interface PgLikeError {
  code?: string;
  severity?: string;
  message: string;
  detail?: string;
  column?: string;
  hint?: string;
}

/**
 * Migration scripts must reach the database whole. @prisma/adapter-pg splits
 * them on every ";" (breaking PL/pgSQL bodies and comments), and the PGlite
 * adapter fires them without awaiting (losing errors). This sends the script
 * in one simple-protocol round trip and reports failures properly.
 */
function patchExecuteScript(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const holder = adapter as SqlDriverAdapter & { client?: ScriptDriver; underlyingDriver?: () => ScriptDriver };
  const driver = holder.underlyingDriver?.() ?? holder.client;
  if (!driver) return adapter;
  adapter.executeScript = async (script: string) => {
    try {
      if (driver.exec) await driver.exec(script);
      else if (driver.query) await driver.query(script);
    } catch (error) {
      const e = error as PgLikeError;
      throw new DriverAdapterError({
        kind: "postgres",
        code: e.code ?? "XX000",
        severity: e.severity ?? "ERROR",
        message: e.message,
        detail: e.detail,
        column: e.column,
        hint: e.hint,
      });
    }
  };
  return adapter;
}

export function withWholeScripts(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patchExecuteScript(await factory.connect()),
    connectToShadowDb: async () => patchExecuteScript(await factory.connectToShadowDb()),
  };
}
