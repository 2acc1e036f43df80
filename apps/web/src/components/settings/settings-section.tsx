import type { ReactNode } from "react";
import { TitledCard } from "~/components/scorecard/titled-card";

/** A card of the settings pages: the shared titled card (its smaller heading), with an optional lead text. */
export function SettingsSection({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <TitledCard title={title}>
      {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      {children}
    </TitledCard>
  );
}
