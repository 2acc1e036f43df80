import { type ReactNode, useId } from "react";
import { ui } from "~/components/ui/styles";

/**
 * A card of the settings pages, named by its heading. Settings headings are a size smaller than
 * the other pages' (ui's Section has no such size), so they keep a section of their own.
 */
export function SettingsSection({
  title,
  description,
  className,
  children,
}: {
  title: string;
  description?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={className ? `${ui.card} ${className}` : ui.card}>
      <h2 id={id} className="text-base font-semibold">
        {title}
      </h2>
      {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      {children}
    </section>
  );
}
