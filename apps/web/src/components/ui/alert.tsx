import type { ReactNode } from "react";

export type AlertTone = "error" | "warning" | "success" | "info";

const TONES: Record<AlertTone, string> = {
  error: "rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700",
  warning: "rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900",
  success: "rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800",
  info: "rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700",
};

/**
 * A message about the form or page as a whole. Errors and warnings interrupt (role=alert); success and
 * information wait their turn (role=status). Renders nothing without children, so it can stand in place.
 */
export function Alert({
  tone = "error",
  as: Tag = "p",
  className,
  children,
}: {
  tone?: AlertTone;
  /** "div" when the message holds paragraphs or a list. */
  as?: "p" | "div";
  className?: string;
  children?: ReactNode;
}) {
  if (!children) return null;
  return (
    <Tag
      role={tone === "error" || tone === "warning" ? "alert" : "status"}
      className={className ? `${TONES[tone]} ${className}` : TONES[tone]}
    >
      {children}
    </Tag>
  );
}
