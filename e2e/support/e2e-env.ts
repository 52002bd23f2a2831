import path from "node:path";

/** Port of the e2e server (E2E_PORT, default 3100), apart from dev's 3000. */
export const e2ePort = Number(process.env.E2E_PORT ?? 3100);

/** The e2e server's own embedded database, recreated on every run. */
export const e2eDataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e");
