import { type ReactNode, useId } from "react";
import { ui } from "./styles";

/** A white card with a heading that names it (aria-labelledby), an optional lead text and actions beside the title. */
export function Section({
  title,
  description,
  actions,
  headingLevel = 2,
  className,
  children,
}: {
  title: string;
  description?: ReactNode;
  /** Buttons or links at the heading's right. */
  actions?: ReactNode;
  headingLevel?: 2 | 3;
  className?: string;
  children?: ReactNode;
}) {
  const id = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const heading = (
    <Heading
      id={id}
      className={headingLevel === 2 ? "text-lg font-semibold text-slate-900" : "text-base font-semibold text-slate-900"}
    >
      {title}
    </Heading>
  );
  return (
    <section aria-labelledby={id} className={className ? `${ui.card} ${className}` : ui.card}>
      {actions ? (
        <div className="flex flex-wrap items-start justify-between gap-3">
          {heading}
          {actions}
        </div>
      ) : (
        heading
      )}
      {description && <p className="mt-1 text-sm text-slate-500">{description}</p>}
      {children}
    </section>
  );
}
