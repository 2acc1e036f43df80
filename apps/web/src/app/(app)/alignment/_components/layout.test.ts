import { describe, expect, it } from "vitest";
import { descendantCount, layoutTree, parentIds } from "./layout";

interface Item {
  id: string;
  children: Item[];
  childCount?: number;
}
const item = (id: string, ...children: Item[]): Item => ({ id, children });

// company → (sales → (east, west), product)
const forest = [item("company", item("sales", item("east"), item("west")), item("product")), item("solo")];
const size = { nodeWidth: 100, nodeHeight: 40, nodeGap: 20, rankGap: 60 };

describe("layoutTree", () => {
  it("places every visible item with its depth, a parent row above its children", () => {
    const layout = layoutTree(forest, new Set(), size);
    const byId = new Map(layout.nodes.map((n) => [n.id, n]));
    expect(layout.nodes.map((n) => [n.id, n.depth])).toEqual([
      ["company", 0],
      ["sales", 1],
      ["east", 2],
      ["west", 2],
      ["product", 1],
      ["solo", 0],
    ]);
    // One rank is a node height plus the rank gap: 40 + 60.
    expect(byId.get("sales")?.y).toBe((byId.get("company")?.y ?? 0) + 100);
    expect(byId.get("east")?.y).toBe((byId.get("sales")?.y ?? 0) + 100);
    // Siblings keep their given order, left to right, at least a node width and a gap apart.
    expect((byId.get("west")?.x ?? 0) - (byId.get("east")?.x ?? 0)).toBeGreaterThanOrEqual(120);
    expect(byId.get("product")?.x).toBeGreaterThan(byId.get("sales")?.x ?? 0);
    expect(layout.edges.map((e) => e.id)).toEqual(["company->sales", "sales->east", "sales->west", "company->product"]);
  });

  it("gives corners, not centres: the top-left node starts at the origin", () => {
    const layout = layoutTree([item("only")], new Set(), size);
    expect(layout.nodes[0]).toMatchObject({ x: 0, y: 0, hasChildren: false, collapsed: false });
    expect(layout).toMatchObject({ width: 100, height: 40 });
  });

  it("leaves out what a collapsed item hides, and marks the item collapsed", () => {
    const layout = layoutTree(forest, new Set(["sales"]), size);
    expect(layout.nodes.map((n) => n.id)).toEqual(["company", "sales", "product", "solo"]);
    expect(layout.nodes.find((n) => n.id === "sales")).toMatchObject({ hasChildren: true, collapsed: true });
    expect(layout.edges.map((e) => e.id)).toEqual(["company->sales", "company->product"]);
  });

  it("counts children not loaded yet: a closed item with a childCount has children and is collapsed", () => {
    const closed: Item = { id: "closed", children: [], childCount: 3 };
    const layout = layoutTree([closed], new Set(["closed"]), size);
    expect(layout.nodes[0]).toMatchObject({ hasChildren: true, collapsed: true });
    expect(layout.edges).toEqual([]);
    expect(parentIds([closed, item("leaf")])).toEqual(["closed"]);
  });

  it("does not mark a childless item collapsed even if its id is in the set", () => {
    const layout = layoutTree([item("leaf")], new Set(["leaf"]), size);
    expect(layout.nodes[0]?.collapsed).toBe(false);
  });

  it("visits an item met twice only once, so a malformed tree cannot loop", () => {
    const a: Item = { id: "a", children: [] };
    const b: Item = { id: "b", children: [a] };
    a.children.push(b);
    const layout = layoutTree([a], new Set(), size);
    expect(layout.nodes.map((n) => n.id)).toEqual(["a", "b"]);
    expect(layout.edges.map((e) => e.id)).toEqual(["a->b"]);
  });

  it("lays out nothing as an empty box", () => {
    expect(layoutTree([], new Set(), size)).toEqual({ nodes: [], edges: [], width: 0, height: 0 });
  });
});

describe("parentIds and descendantCount", () => {
  it("lists the items that have children, depth first", () => {
    expect(parentIds(forest)).toEqual(["company", "sales"]);
  });

  it("counts everything below an item", () => {
    expect(descendantCount(forest[0] as Item)).toBe(4);
    expect(descendantCount(item("leaf"))).toBe(0);
  });
});
