import { describe, expect, it } from "vitest";
import { listMoveTargets, listParentOptions, orderSectionTree } from "./section-tree";

const node = (id: string, position: number, parentId: string | null = null) => ({ id, name: id, slug: id, position, parentId });
const sections = [node("b", 1), node("a", 0), node("b2", 1, "b"), node("b1", 0, "b"), node("c", 2), node("stray", 0, "b1")];

describe("section tree", () => {
  it("orders parents, each followed by its subsections, and never hides a stray", () => {
    expect(orderSectionTree(sections).map(({ section, depth }) => `${depth}:${section.id}`)).toEqual(["0:a", "0:b", "1:b1", "1:b2", "0:c", "1:stray"]);
  });

  it("offers only top-level parents, none to a section that has subsections", () => {
    expect(listParentOptions(sections, "a").map((s) => s.id)).toEqual(["b", "c"]);
    expect(listParentOptions(sections, "b")).toEqual([]);
    expect(listParentOptions(sections).map((s) => s.id)).toEqual(["a", "b", "c"]);
  });

  it("offers every other section as a new home for stories", () => {
    expect(listMoveTargets(sections, "b2").map(({ section }) => section.id)).toEqual(["a", "b", "b1", "c", "stray"]);
  });
});
