import { describe, expect, it } from "vitest";
import { layoutStrategyMap, linkSides } from "./layout";

const band = (id: string, ...objectives: string[]) => ({ id, objectives: objectives.map((o) => ({ id: o })) });
// Node 100 × 50, label column 80, no padding or gaps unless a test says so.
const options = {
  nodeWidth: 100,
  nodeHeight: 50,
  labelWidth: 80,
  nodeGap: 10,
  rowGap: 5,
  paddingX: 0,
  paddingY: 0,
  bandGap: 8,
  perRow: 3,
  minColumns: 1,
};

describe("layoutStrategyMap", () => {
  it("stacks one band per perspective, top first, each as tall as its rows", () => {
    const layout = layoutStrategyMap([band("financial", "f1"), band("customer", "c1", "c2", "c3", "c4")], [], options);
    // Three columns at most: 3 × 100 + 2 × 10 = 320 wide, plus the label column.
    expect(layout.width).toBe(400);
    expect(layout.bands.map((b) => [b.id, b.y, b.height])).toEqual([
      ["financial", 0, 50],
      // Two rows: 2 × 50 + one row gap of 5; it starts after the first band and the band gap.
      ["customer", 58, 105],
    ]);
    expect(layout.height).toBe(58 + 105);
  });

  it("centres a short row and wraps after perRow", () => {
    const layout = layoutStrategyMap([band("b", "a1", "a2", "a3", "a4")], [], options);
    const at = new Map(layout.objectives.map((o) => [o.id, o]));
    expect([at.get("a1")?.x, at.get("a2")?.x, at.get("a3")?.x]).toEqual([80, 190, 300]);
    // The fourth is alone on the second row, in the middle of the 320-wide area.
    expect(at.get("a4")).toMatchObject({ row: 1, x: 80 + 110, y: 55 });
  });

  it("orders a band by where its linked objectives sit, to untangle arrows", () => {
    const bands = [band("top", "t1", "t2"), band("bottom", "b1", "b2")];
    // b1 drives t2 and b2 drives t1: crossing arrows unless the bottom band swaps.
    const links = [
      { causeId: "b1", effectId: "t2" },
      { causeId: "b2", effectId: "t1" },
    ];
    const layout = layoutStrategyMap(bands, links, options);
    const bottom = layout.objectives.filter((o) => o.bandIndex === 1).sort((a, b) => a.x - b.x);
    expect(bottom.map((o) => o.id)).toEqual(["b2", "b1"]);
  });

  it("keeps the given order where nothing links", () => {
    const layout = layoutStrategyMap([band("b", "x", "y", "z")], [], options);
    expect(layout.objectives.map((o) => o.id)).toEqual(["x", "y", "z"]);
  });

  it("makes a sparse map at least minColumns wide", () => {
    const layout = layoutStrategyMap([band("b", "only")], [], { ...options, minColumns: 3 });
    expect(layout.width).toBe(400);
    expect(layout.objectives[0]?.x).toBe(80 + 110);
  });
});

describe("linkSides", () => {
  const at = (x: number, y: number, bandIndex: number, row = 0) => ({ x, y, bandIndex, row });

  it("goes up from a lower band to a higher one", () => {
    expect(linkSides(at(0, 200, 1), at(0, 0, 0))).toEqual({ source: "top", target: "bottom" });
  });

  it("goes down from a higher band to a lower one", () => {
    expect(linkSides(at(0, 0, 0), at(0, 200, 1))).toEqual({ source: "bottom", target: "top" });
  });

  it("goes sideways within a row, towards the effect", () => {
    expect(linkSides(at(0, 0, 0), at(100, 0, 0))).toEqual({ source: "right", target: "left" });
    expect(linkSides(at(100, 0, 0), at(0, 0, 0))).toEqual({ source: "left", target: "right" });
  });
});
