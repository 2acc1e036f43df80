import type { ComponentProps } from "react";
import { Input } from "~/components/ui/input";
import { Select } from "~/components/ui/select";
import {
  KEY_RESULT_TYPE_OPTIONS,
  KEY_RESULT_UNIT_OPTIONS,
  PROGRESS_SOURCE_OPTIONS,
  VISIBILITY_OPTIONS,
} from "./options";

// The controls the objective and key-result forms share; each takes a Field's id and react-hook-form's
// `register(...)` spread, like the ui blocks they wrap.

type ChoiceProps = Omit<ComponentProps<typeof Select>, "options" | "children">;

export function KeyResultTypeSelect(props: ChoiceProps) {
  return <Select options={KEY_RESULT_TYPE_OPTIONS} {...props} />;
}

export function KeyResultUnitSelect(props: ChoiceProps) {
  return <Select options={KEY_RESULT_UNIT_OPTIONS} {...props} />;
}

export function VisibilitySelect(props: ChoiceProps) {
  return <Select options={VISIBILITY_OPTIONS} {...props} />;
}

export function ProgressSourceSelect(props: ChoiceProps) {
  return <Select options={PROGRESS_SOURCE_OPTIONS} {...props} />;
}

/** A key result's start or target: any decimal; register it with `valueAsNumber`. */
export function MeasureInput(props: Omit<ComponentProps<typeof Input>, "type" | "step">) {
  return <Input type="number" step="any" {...props} />;
}
