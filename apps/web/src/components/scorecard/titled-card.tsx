import { type ReactNode, useId } from "react";
import { ui } from "~/components/ui/styles";

/**
 * A white card named by its heading, with a note or links at the heading's right: the panels of
 * the KPI page, the strategy map and the scorecard settings. (The ui `Section` draws a larger heading.)
 */
export function TitledCard({
  title,
  aside,
  className,
  children,
}: {
  title: string;
  /** Beside the heading: a count, a note, navigation. */
  aside?: ReactNode;
  /** Added to the card's classes (spacing of its content). */
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={className ? `${ui.card} ${className}` : ui.card}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {aside}
      </div>
      {children}
    </section>
  );
}
