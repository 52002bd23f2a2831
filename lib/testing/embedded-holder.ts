/**
 * A stand-in for a running server on an embedded database, for the backup
 * tests: opens the data directory the way the app does (lock + snapshot
 * socket), then writes without pause — each transaction inserts a pair of
 * rows — until it is killed. Prints "ready" once writes are flowing, so a
 * test waits for that line rather than for a timer.
 *
 *   tsx lib/testing/embedded-holder.ts <dataDir>
 */
import { openAdapter } from "../db/connect";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: embedded-holder.ts <dataDir>");
let stopping = false;
let writing = false;
// Before the write loop runs nothing needs finishing: go at once.
process.on("SIGTERM", () => (writing ? (stopping = true) : process.exit(1)));
const opened = openAdapter({ kind: "pglite", dataDir });
const pglite = opened.pglite;
if (!pglite) throw new Error("no PGlite handle");

await pglite.exec(`CREATE TABLE IF NOT EXISTS backup_probe (pair int NOT NULL, half int NOT NULL)`);
let pair = 0;
let announced = false;
writing = true;
while (!stopping) {
  pair++;
  await pglite.transaction(async (tx) => {
    await tx.query("INSERT INTO backup_probe VALUES ($1, 1)", [pair]);
    await tx.query("INSERT INTO backup_probe VALUES ($1, 2)", [pair]);
  });
  if (!announced && pair >= 20) {
    announced = true;
    console.log("ready");
  }
  // Let the snapshot socket's requests in between transactions.
  await new Promise((resolve) => setImmediate(resolve));
}
await opened.close();
process.exit(0);
