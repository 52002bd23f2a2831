import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../../prisma/tools/migrations";
import { verifyPassword } from "../auth/password";
import { createPrismaClient, openAdapter } from "../db/connect";
import { getTestDbKind } from "../testing/test-db-kind";

// The CLI talks to a real embedded database directory; the PostgreSQL run
// covers the same insertUser() through the users data-access tests.
const describeOnPglite = getTestDbKind() === "pglite" ? describe : describe.skip;

let dataRoot = "";

function runCli(args: string[], stdin = "") {
  return spawnSync(process.execPath, ["--import", "tsx", "lib/cli/user-create.ts", ...args], {
    env: { ...process.env, NEWSDESK_DATA_DIR: dataRoot, DATABASE_URL: "", NODE_ENV: "production" },
    input: stdin,
    encoding: "utf8",
    timeout: 60_000,
  });
}

async function withDb<T>(fn: (db: ReturnType<typeof createPrismaClient>) => Promise<T>): Promise<T> {
  const opened = openAdapter({ kind: "pglite", dataDir: path.join(dataRoot, "pglite") });
  const db = createPrismaClient(opened);
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
    await opened.close();
  }
}

describeOnPglite("npm run user:create", () => {
  beforeAll(async () => {
    dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-cli-"));
    const opened = openAdapter({ kind: "pglite", dataDir: path.join(dataRoot, "pglite") });
    await applyMigrations(opened.factory);
    await opened.close();
  });
  afterAll(() => fs.rmSync(dataRoot, { recursive: true, force: true }));

  it("creates the first admin from a piped password, and refuses a second account with that email", async () => {
    const created = runCli(["--email", "Chief@Example.org", "--role", "admin", "--name", "Leyla Chief", "--password-stdin"], "quiet harbour lights\n");
    expect(created.stderr).toBe("");
    expect(created.status).toBe(0);
    expect(created.stdout).toContain("Created admin account chief@example.org (Leyla Chief)");
    expect(created.stdout).not.toContain("quiet harbour lights");

    const duplicate = runCli(["--email", "chief@example.org", "--role", "editor"]);
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toContain("An account with this email address already exists.");

    await withDb(async (db) => {
      const user = await db.user.findUniqueOrThrow({ where: { email: "chief@example.org" } });
      expect(user).toMatchObject({ role: "ADMIN", name: "Leyla Chief", isActive: true });
      expect(await verifyPassword(user.passwordHash, "quiet harbour lights")).toBe(true);
      expect(await db.auditEvent.findFirst({ where: { entityId: user.id } })).toMatchObject({ action: "user.create", actorId: null, data: { via: "cli" } });
    });
  });

  it("generates and prints a password once when none is given, and holds typed ones to the policy", async () => {
    const generated = runCli(["--email", "desk@example.org", "--role", "EDITOR"]);
    expect(generated.status).toBe(0);
    const password = /shown only this once:\s+(\S+)/.exec(generated.stdout)?.[1] ?? "";
    expect(password).toMatch(/^[b-z2-9]{5}(-[b-z2-9]{5}){3}$/);

    const weak = runCli(["--email", "weak@example.org", "--role", "author", "--password-stdin"], "password1\n");
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain("commonly used passwords");

    const bad = runCli(["--email", "not-an-email", "--role", "boss"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("--email: Enter a valid email address");
    expect(bad.stderr).toContain("--role: the role is admin, editor or author");

    await withDb(async (db) => {
      const desk = await db.user.findUniqueOrThrow({ where: { email: "desk@example.org" } });
      expect(desk).toMatchObject({ role: "EDITOR", name: "Desk" });
      expect(await verifyPassword(desk.passwordHash, password)).toBe(true);
      expect(await db.user.count({ where: { email: { in: ["weak@example.org", "not-an-email"] } } })).toBe(0);
    });
  });
});
