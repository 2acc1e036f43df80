import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { debounce } from "./debounce";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("debounce", () => {
  it("runs once with the last value after a quiet pause", () => {
    const run = vi.fn();
    const d = debounce(run, 800);
    d.schedule("a");
    vi.advanceTimersByTime(500);
    d.schedule("ab");
    vi.advanceTimersByTime(500);
    expect(run).not.toHaveBeenCalled();
    expect(d.waiting).toBe(true);
    vi.advanceTimersByTime(300);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith("ab");
    expect(d.waiting).toBe(false);
  });

  it("flush runs the waiting call at once and only once", () => {
    const run = vi.fn();
    const d = debounce(run, 800);
    d.schedule("now");
    d.flush();
    expect(run).toHaveBeenCalledWith("now");
    vi.advanceTimersByTime(2000);
    expect(run).toHaveBeenCalledTimes(1);
    d.flush();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("cancel drops the waiting call", () => {
    const run = vi.fn();
    const d = debounce(run, 800);
    d.schedule("gone");
    d.cancel();
    vi.advanceTimersByTime(2000);
    expect(run).not.toHaveBeenCalled();
    expect(d.waiting).toBe(false);
  });
});
