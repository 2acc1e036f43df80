"use client";

import { MAX_INGEST_ACTUALS } from "@meridian/domain";
import { useEffect, useState } from "react";
import { SettingsSection } from "~/components/settings/settings-section";

export const INGEST_PATH = "/api/ingest/actuals";

/** A worked example of a push, with this server's address once the browser knows it. */
export function ApiTokensHowTo() {
  const [origin, setOrigin] = useState("https://meridian.example.com");
  useEffect(() => setOrigin(window.location.origin), []);
  const example = `curl -X POST ${origin}${INGEST_PATH} \\
  -H "Authorization: Bearer $MERIDIAN_TOKEN" \\
  -H "Content-Type: application/json" \\
  -d '{
    "actuals": [
      { "kpi": "Website visitors", "period": "2026-07", "value": 48210 },
      { "kpi": "Net promoter score", "period": "2026-Q3", "value": 42 }
    ]
  }'`;
  return (
    <SettingsSection
      title="How to push actuals"
      description={
        <>
          Send a <code className="font-mono text-xs">POST</code> to{" "}
          <code className="rounded bg-slate-100 px-1 font-mono text-xs">{INGEST_PATH}</code> with the token and a JSON
          body of up to {MAX_INGEST_ACTUALS.toLocaleString("en")} actuals:
        </>
      }
    >
      {/* Wrapped, not scrolled: on a phone the whole command stays in view. */}
      <pre className="mt-3 whitespace-pre-wrap rounded-lg bg-slate-900 p-4 font-mono [overflow-wrap:anywhere] text-xs leading-relaxed text-slate-100">
        {example}
      </pre>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-600">
        <li>
          <strong>kpi</strong> is the KPI's name (any letter case) or its id; <strong>period</strong> is a date
          (2026-07-01), a month (2026-07) or a quarter (2026-Q3) of the KPI's frequency; <strong>value</strong> is a
          number.
        </li>
        <li>
          The answer counts what changed:{" "}
          <code className="font-mono text-xs">{`{"created":2,"updated":0,"unchanged":0}`}</code>. Pushing the same
          values again changes nothing, so a retry is always safe.
        </li>
        <li>
          If any item is wrong, nothing is written: the 400 answer lists each problem with its position, such as{" "}
          <code className="font-mono text-xs">actuals.1</code>.
        </li>
      </ul>
    </SettingsSection>
  );
}
