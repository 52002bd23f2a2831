import { DataDirLockedError } from "./pglite-lock";
import { db } from "./index";

/** Opens (and for PGlite, locks) the database; exits the process with a clear message if it cannot. */
export async function openDatabaseAtStartup(): Promise<void> {
  try {
    await db.$queryRaw`SELECT 1`;
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
