import { describe, expect, it } from "vitest";
import { linearForecast } from "./forecast";

const day = (n: number) => new Date(Date.UTC(2026, 9, 1 + n));

describe("linearForecast", () => {
  it("fits a straight line exactly: 10 a day from 100 reaches 400 on day 30, and 1000 on day 90", () => {
    const readings = [0, 7, 14, 21].map((d) => ({ at: day(d), value: 100 + 10 * d }));
    const forecast = linearForecast(readings, day(90), 400);
    expect(forecast?.slopePerDay).toBeCloseTo(10, 9);
    expect(forecast?.projected).toBeCloseTo(1000, 6);
    expect(forecast?.reachesTargetOn?.toISOString()).toBe(day(30).toISOString());
  });

  it("is the least-squares line through noisy readings: (0,1), (1,3), (2,2) → slope 0.5, intercept 1.5, 3.0 at day 3", () => {
    const forecast = linearForecast(
      [
        { at: day(0), value: 1 },
        { at: day(1), value: 3 },
        { at: day(2), value: 2 },
      ],
      day(3),
    );
    expect(forecast?.slopePerDay).toBeCloseTo(0.5, 9);
    expect(forecast?.projected).toBeCloseTo(3, 9);
    expect(forecast?.reachesTargetOn).toBeNull();
  });

  it("works for decreasing targets: 60 minutes falling 2 a day reaches 30 on day 15", () => {
    const readings = [0, 5, 10].map((d) => ({ at: day(d), value: 60 - 2 * d }));
    expect(linearForecast(readings, day(20), 30)?.reachesTargetOn?.toISOString()).toBe(day(15).toISOString());
  });

  it("gives no date when the trend misses the target within the period or heads away from it", () => {
    const rising = [0, 10].map((d) => ({ at: day(d), value: d }));
    expect(linearForecast(rising, day(20), 100)?.reachesTargetOn).toBeNull(); // would take 100 days
    expect(linearForecast(rising, day(20), -5)?.reachesTargetOn).toBeNull(); // behind us
  });

  it("has no trend with fewer than two readings or all at one instant", () => {
    expect(linearForecast([], day(10))).toBeNull();
    expect(linearForecast([{ at: day(0), value: 1 }], day(10))).toBeNull();
    expect(
      linearForecast(
        [
          { at: day(0), value: 1 },
          { at: day(0), value: 2 },
        ],
        day(10),
      ),
    ).toBeNull();
  });
});
