"use client";

/** Opens the browser's print dialog, from which "Save as PDF" gives the board pack. */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="inline-flex items-center rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500"
    >
      Print / Save as PDF
    </button>
  );
}
