import { describe, expect, it } from "vitest";
import { isDatabaseUnavailableError } from "./unavailable";

/** Shaped like what Prisma 7 with @prisma/adapter-pg throws (seen on a stopped and a missing database). */
function prismaError(code: string, cause: Record<string, unknown>): Error {
  return Object.assign(new Error("Invalid invocation"), { code, meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });
}

describe("isDatabaseUnavailableError", () => {
  it.each([
    ["a stopped server", prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5 })],
    ["a server shutting down", prismaError("P2010", { originalCode: "57P01", kind: "postgres", code: "57P01" })],
    ["a database not created yet", prismaError("P1003", { originalCode: "3D000", kind: "DatabaseDoesNotExist" })],
    ["a database not migrated yet", prismaError("P2021", { originalCode: "42P01", kind: "TableDoesNotExist" })],
    ["a raw query on a missing database", prismaError("P2010", { originalCode: "3D000", kind: "DatabaseDoesNotExist" })],
    ["pg's refused connection", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5"), { code: "ECONNREFUSED" })],
    ["pg's terminated connection", new Error("Connection terminated unexpectedly")],
    ["a wrapped cause", new Error("render failed", { cause: Object.assign(new Error("x"), { code: "08006" }) })],
    ["an aggregate of refusals", new AggregateError([Object.assign(new Error("a"), { code: "ECONNREFUSED" })], "connect failed")],
  ])("recognises %s", (_label, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });

  it.each([
    ["a unique violation", prismaError("P2002", { originalCode: "23505", kind: "UniqueConstraintViolation" })],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
    ["a NUL byte in text", prismaError("P2010", { originalCode: "22021", kind: "postgres" })],
    ["nothing", undefined],
    ["a string", "ECONNREFUSED"],
  ])("does not mistake %s for an outage", (_label, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(false);
  });
});
