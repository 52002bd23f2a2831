import { describe, expect, it } from "vitest";
import { listAdminNavItems } from "./admin-navigation";

const labels = (role: "ADMIN" | "EDITOR" | "AUTHOR") => listAdminNavItems({ id: "x", role }).map((item) => item.label);

describe("admin navigation", () => {
  it.each([
    ["ADMIN", ["Dashboard", "Articles", "Sections", "Users", "Audit log"]],
    ["EDITOR", ["Dashboard", "Articles"]],
    ["AUTHOR", ["Dashboard", "My articles"]],
  ] as const)("shows %s exactly what the role can use", (role, expected) => {
    expect(labels(role)).toEqual(expected);
  });
});
