import { describe, expect, it } from "vitest";
import { dataDomain, linearPath, monotonePath, runs, sparkPoints, yScale } from "./sparkline-geometry";

const box = { width: 96, height: 28, pad: 3 };

describe("sparkPoints", () => {
  it("spreads the values from edge to edge inside the padding, the highest at the top", () => {
    expect(sparkPoints([0, 5, 10], box)).toEqual([
      { index: 0, x: 3, y: 25 },
      { index: 1, x: 48, y: 14 },
      { index: 2, x: 93, y: 3 },
    ]);
  });

  it("uses a fixed domain when given, so rows compare", () => {
    expect(sparkPoints([5], box, [0, 10])).toEqual([{ index: 0, x: 3, y: 14 }]);
  });

  it("keeps a missing value's slot but gives it no point", () => {
    expect(sparkPoints([1, null, 3], box).map((p) => [p.index, p.x])).toEqual([
      [0, 3],
      [2, 93],
    ]);
  });

  it("puts a flat series midway", () => {
    expect(sparkPoints([4, 4], box).map((p) => p.y)).toEqual([14, 14]);
  });
});

describe("domain and scale", () => {
  it("spans the known values", () => {
    expect(dataDomain([3, null, -2, 8])).toEqual([-2, 8]);
    expect(dataDomain([null])).toEqual([0, 1]);
  });

  it("maps the domain onto the padded height", () => {
    const y = yScale([0, 10], box);
    expect([y(10), y(6.67), y(0)].map((v) => Number(v.toFixed(2)))).toEqual([3, 10.33, 25]);
  });
});

describe("runs and paths", () => {
  it("breaks the line at a gap", () => {
    const points = sparkPoints([1, 2, null, 4, null, 6], box);
    expect(runs(points).map((run) => run.map((p) => p.index))).toEqual([[0, 1], [3], [5]]);
  });

  it("joins a run with straight segments", () => {
    const [run = []] = runs(sparkPoints([0, 10], box, [0, 10]));
    expect(linearPath(run)).toBe("M3.0,25.0L93.0,3.0");
  });

  it("draws two points as a straight line even when smoothing", () => {
    const [run = []] = runs(sparkPoints([0, 10], box, [0, 10]));
    expect(monotonePath(run)).toBe("M3,25L93,3");
  });

  it("smooths without overshooting: a flat middle stays flat", () => {
    // 0, 10, 10: the middle point's tangent is 0, so the curve does not rise above 10 between them.
    const run = [
      { index: 0, x: 0, y: 0 },
      { index: 1, x: 3, y: 3 },
      { index: 2, x: 6, y: 3 },
    ];
    expect(monotonePath(run)).toBe("M0,0C1,1.5,2,3,3,3C4,3,5,3,6,3");
  });
});
