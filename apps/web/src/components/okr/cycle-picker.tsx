/** The cycle a page shows, switched in place; a closed cycle says so. */
export function CyclePicker({
  cycles,
  value,
  onChange,
}: {
  cycles: readonly { id: string; name: string; status: string }[];
  value: string;
  onChange: (cycleId: string) => void;
}) {
  return (
    <div>
      <label htmlFor="cycle" className="block text-xs font-medium text-slate-600">
        Cycle
      </label>
      <select
        id="cycle"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="mt-1 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500"
      >
        {cycles.map((c) => (
          <option key={c.id} value={c.id}>
            {c.status === "closed" ? `${c.name} (closed)` : c.name}
          </option>
        ))}
      </select>
    </div>
  );
}
