"use client";

import { useEffect, useId, useMemo, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { browserTimeZone, timeZoneChoices, utcOffset } from "./time-zones";

/**
 * A searchable time-zone choice: a text input with the browser's list of
 * IANA zones as suggestions (type "berl" for Europe/Berlin), and the browser's
 * own zone offered in one click when it differs. The server checks the zone.
 */
export function TimeZoneField({
  registration,
  value,
  error,
  onSuggest,
}: {
  registration: UseFormRegisterReturn<"timeZone">;
  value: string;
  error: string | undefined;
  onSuggest: (zone: string) => void;
}) {
  const listId = useId();
  // Read in the browser only: the server's zone is not the person's.
  const [zones, setZones] = useState<string[]>([]);
  const [browserZone, setBrowserZone] = useState<string | null>(null);
  useEffect(() => {
    setZones(timeZoneChoices());
    setBrowserZone(browserTimeZone());
  }, []);
  const options = useMemo(() => {
    const now = new Date();
    return zones.map((zone) => ({ zone, offset: utcOffset(zone, now) }));
  }, [zones]);

  return (
    <div>
      <Field
        label="Time zone"
        error={error}
        hint="Type to search, such as Berlin or New York. Reminders arrive in this zone."
      >
        {(id) => (
          <Input
            id={id}
            list={listId}
            autoComplete="off"
            spellCheck={false}
            invalid={Boolean(error)}
            {...registration}
          />
        )}
      </Field>
      <datalist id={listId}>
        {options.map(({ zone, offset }) => (
          <option key={zone} value={zone}>
            {offset}
          </option>
        ))}
      </datalist>
      {browserZone && browserZone !== value && (
        <p className="mt-2 text-sm text-slate-600">
          This browser is in <span className="font-medium text-slate-800">{browserZone}</span>.{" "}
          <button
            type="button"
            onClick={() => onSuggest(browserZone)}
            className="font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-600"
          >
            Use {browserZone}
          </button>
        </p>
      )}
    </div>
  );
}
