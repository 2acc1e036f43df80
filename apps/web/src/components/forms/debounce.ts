/**
 * Calls `run` once `ms` have passed without a new `schedule`: the last value wins. `flush` runs the
 * waiting call now (a Save button, a page about to close); `cancel` drops it.
 */
export interface Debounced<T> {
  schedule(value: T): void;
  flush(): void;
  cancel(): void;
  readonly waiting: boolean;
}

export function debounce<T>(run: (value: T) => void, ms: number): Debounced<T> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let next: { value: T } | null = null;
  const fire = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const call = next;
    next = null;
    if (call) run(call.value);
  };
  return {
    schedule(value) {
      next = { value };
      if (timer) clearTimeout(timer);
      timer = setTimeout(fire, ms);
    },
    flush: fire,
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      next = null;
    },
    get waiting() {
      return next !== null;
    },
  };
}
