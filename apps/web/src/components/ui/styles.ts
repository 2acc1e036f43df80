import { buttonClass } from "./button";

/** Shared Tailwind class lists, so every form and card looks the same. */
export const ui = {
  card: "rounded-2xl border border-slate-200 bg-white p-5 shadow-sm",
  input:
    "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500 aria-[invalid=true]:border-rose-400",
  select:
    "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500",
  // The button looks, from the Button block, for the places that still style a <button> or a link by hand.
  primary: buttonClass("primary"),
  secondary: buttonClass("secondary"),
  danger: buttonClass("danger"),
  pageKicker: "text-sm font-medium text-indigo-600",
  pageTitle: "mt-1 text-2xl font-semibold tracking-tight text-slate-900",
} as const;
