/** A page's query failed: the message, in a box that says so. */
export function LoadError({ message }: { message: string }) {
  return (
    <p role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-rose-800">
      {message}
    </p>
  );
}

/** While a page's first query is on its way. */
export function Loading() {
  return <p className="text-slate-500">Loading…</p>;
}
