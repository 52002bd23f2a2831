import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { BackupError, EXIT } from "./backup-error";
import { detectBackupKind, openPartialFile, readEmbeddedTarball } from "./backup-file";
import { findPgTool } from "./postgres-backup";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-backup-file-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** A one-file tar archive (ustar header, data, end-of-archive blocks). */
function tarOf(name: string, content: string): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write("0000644\0", 100);
  header.write(`${content.length.toString(8).padStart(11, "0")}\0`, 124);
  header.write("ustar\0", 257);
  const data = Buffer.alloc(Math.ceil(content.length / 512) * 512);
  data.write(content);
  return Buffer.concat([header, data, Buffer.alloc(1024)]);
}

function failure(run: () => unknown): BackupError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BackupError);
    return error as BackupError;
  }
  throw new Error("expected a BackupError");
}

describe("backup files", () => {
  it("tells the two kinds apart by their first bytes, whatever the name", () => {
    expect(detectBackupKind(write("a.bak", Buffer.concat([Buffer.from("PGDMP"), Buffer.alloc(100)])))).toBe("postgres");
    expect(detectBackupKind(write("b.bak", gzipSync(tarOf("pglite/PG_VERSION", "17\n"))))).toBe("embedded");
    expect(detectBackupKind(write("c.bak", tarOf("pglite/PG_VERSION", "17\n")))).toBe("embedded");
  });

  it("names what a wrong file is instead, with the 'wrong kind' exit code", () => {
    const sql = failure(() => detectBackupKind(write("d.sql", "--\n-- PostgreSQL database dump\n--\n")));
    expect(sql.exitCode).toBe(EXIT.wrongKind);
    expect(sql.message).toContain("plain-SQL pg_dump");
    expect(failure(() => detectBackupKind(write("e.gz", gzipSync("hello")))).message).toContain("gzip file, but not");
    expect(failure(() => detectBackupKind(write("f.txt", "hello"))).message).toContain("not a Newsdesk backup");
    expect(failure(() => detectBackupKind(path.join(dir, "missing.tar.gz"))).exitCode).toBe(EXIT.noInput);
    expect(failure(() => detectBackupKind(dir)).exitCode).toBe(EXIT.noInput);
  });

  it("refuses a damaged or foreign tarball before anything is unpacked", () => {
    const whole = gzipSync(tarOf("pglite/PG_VERSION", "17\n".repeat(2000)));
    expect(readEmbeddedTarball(write("g.tar.gz", whole)).length).toBeGreaterThan(0);
    expect(failure(() => readEmbeddedTarball(write("h.tar.gz", whole.subarray(0, whole.length - 20)))).message).toContain("gzip stream");
    const tar = tarOf("pglite/PG_VERSION", "x".repeat(5000));
    expect(failure(() => readEmbeddedTarball(write("i.tar", tar.subarray(0, 2048)))).message).toContain("cut short");
    expect(failure(() => readEmbeddedTarball(write("j.tar", tarOf("photos/cat.jpg", "meow")))).message).toContain("no PG_VERSION");
  });

  it("writes beside the target and only renames a complete backup into place", () => {
    const target = path.join(dir, "out.tar.gz");
    fs.writeFileSync(target, "yesterday's backup");
    const output = openPartialFile(target);
    fs.writeFileSync(output.partial, "half");
    output.discard();
    expect(fs.readFileSync(target, "utf8")).toBe("yesterday's backup");
    const second = openPartialFile(target);
    fs.writeFileSync(second.partial, "today's backup");
    second.commit();
    expect(fs.readFileSync(target, "utf8")).toBe("today's backup");
    expect(fs.readdirSync(dir).filter((name) => name.includes("partial"))).toEqual([]);
    expect(failure(() => openPartialFile(path.join(dir, "no-such-folder", "x.tar.gz"))).exitCode).toBe(EXIT.cannotCreate);
  });

  it("says how to get pg_dump when it is not installed", () => {
    const missing = failure(() => findPgTool("pg_dump", { NODE_ENV: "test", PATH: path.join(dir, "empty") }));
    expect(missing.exitCode).toBe(EXIT.unavailable);
    expect(missing.message).toContain("postgresql-client");
    expect(missing.message).toContain("NEWSDESK_PG_BINDIR");
  });
});
