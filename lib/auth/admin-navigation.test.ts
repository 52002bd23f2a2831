import { describe, expect, it } from "vitest";
import { listAdminNavItems } from "./admin-navigation";

const labels = (role: "ADMIN" | "EDITOR" | "AUTHOR") => listAdminNavItems({ id: "x", role }).map((item) => item.label);

describe("admin navigation", () => {
  it.each([
    ["ADMIN", ["Dashboard", "Articles", "Typo reports", "Sections", "Users", "Audit log"]],
    ["EDITOR", ["Dashboard", "Articles", "Typo reports"]],
    ["AUTHOR", ["Dashboard", "My articles", "Typo reports"]],
  ] as const)("shows %s exactly what the role can use", (role, expected) => {
    expect(labels(role)).toEqual(expected);
  });

  it("carries the number of new typo reports to the reports item only", () => {
    const items = listAdminNavItems({ id: "x", role: "EDITOR" }, { newTypoReports: 4 });
    expect(items.filter((item) => item.count !== undefined)).toEqual([{ href: "/admin/reports", label: "Typo reports", count: 4 }]);
  });
});
