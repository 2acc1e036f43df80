"use client";

import {
  type ApiScope,
  MAX_INGEST_ACTUALS,
  MAX_INGEST_CAMPAIGN_RESULTS,
  MAX_INGEST_EXPERIMENT_RESULTS,
} from "@meridian/domain";
import { type ReactNode, useEffect, useState } from "react";
import { SettingsSection } from "~/components/settings/settings-section";

/** The three push endpoints a token may call; each is POST with a JSON body, all or nothing, and idempotent. */
const ENDPOINTS: {
  title: string;
  path: string;
  /** The scope a token needs to push here (the endpoint answers 403 without it). */
  scope: ApiScope;
  max: number;
  what: string;
  body: string;
  notes: ReactNode[];
  errorPath: string;
}[] = [
  {
    title: "How to push KPI actuals",
    path: "/api/ingest/actuals",
    scope: "kpis:write",
    max: MAX_INGEST_ACTUALS,
    what: "actuals",
    body: `{
    "actuals": [
      { "kpi": "Website visitors", "period": "2026-07", "value": 48210 },
      { "kpi": "Net promoter score", "period": "2026-Q3", "value": 42 }
    ]
  }`,
    notes: [
      <>
        <strong>kpi</strong> is the KPI's name (any letter case) or its id; <strong>period</strong> is a date
        (2026-07-01), a month (2026-07) or a quarter (2026-Q3) of the KPI's frequency; <strong>value</strong> is a
        number.
      </>,
    ],
    errorPath: "actuals.1",
  },
  {
    title: "How to push campaign results",
    path: "/api/ingest/campaign-results",
    scope: "marketing:write",
    max: MAX_INGEST_CAMPAIGN_RESULTS,
    what: "results",
    body: `{
    "results": [
      { "campaign": "Spring launch", "period": "2026-07", "currency": "EUR",
        "spend": 125050, "conversions": 310, "revenue": 980000 }
    ]
  }`,
    notes: [
      <>
        <strong>campaign</strong> is the campaign's name or id; <strong>period</strong> is a day (2026-07-06) or a month
        (2026-07); <strong>currency</strong> must be the campaign's own (another one is refused, never converted).
      </>,
      <>
        <strong>spend</strong> and <strong>revenue</strong> are whole minor units (125050 is 1,250.50),{" "}
        <strong>conversions</strong> a whole number; leave one out or send null to leave it blank. Each campaign and
        period holds one set of figures: a push replaces it.
      </>,
    ],
    errorPath: "results.0",
  },
  {
    title: "How to push experiment results",
    path: "/api/ingest/experiments",
    scope: "marketing:write",
    max: MAX_INGEST_EXPERIMENT_RESULTS,
    what: "results",
    body: `{
    "results": [
      { "experiment": "Checkout button copy", "variant": "Control",
        "day": "2026-07-01", "exposures": 1200, "conversions": 96 },
      { "experiment": "Checkout button copy", "variant": "Treatment B",
        "metric": "Conversion", "day": "2026-07-01", "exposures": 1185, "conversions": 117 }
    ]
  }`,
    notes: [
      <>
        <strong>experiment</strong> is its name or id, <strong>variant</strong> a variant's name,{" "}
        <strong>metric</strong> a metric's name (the primary one when left out); <strong>day</strong> is a date;{" "}
        <strong>exposures</strong> and <strong>conversions</strong> are whole numbers for that day, not running totals.
        A concluded experiment's numbers are final and refused.
      </>,
      <>Each experiment, variant, metric and day holds one pair of numbers: a push replaces it.</>,
    ],
    errorPath: "results.1",
  },
];

/** Worked examples of the pushes, with this server's address once the browser knows it. */
export function ApiTokensHowTo() {
  const [origin, setOrigin] = useState("https://meridian.example.com");
  useEffect(() => setOrigin(window.location.origin), []);
  return (
    <>
      {ENDPOINTS.map((e) => (
        <SettingsSection
          key={e.path}
          title={e.title}
          description={
            <>
              Send a <code className="font-mono text-xs">POST</code> to{" "}
              <code className="rounded bg-slate-100 px-1 font-mono text-xs">{e.path}</code> with a token that has the
              scope <code className="rounded bg-slate-100 px-1 font-mono text-xs">{e.scope}</code> and a JSON body of up
              to {e.max.toLocaleString("en")} {e.what}:
            </>
          }
        >
          {/* Wrapped, not scrolled: on a phone the whole command stays in view. */}
          <pre className="mt-3 whitespace-pre-wrap rounded-lg bg-slate-900 p-4 font-mono [overflow-wrap:anywhere] text-xs leading-relaxed text-slate-100">
            {`curl -X POST ${origin}${e.path} \\
  -H "Authorization: Bearer $MERIDIAN_TOKEN" \\
  -H "Content-Type: application/json" \\
  -d '${e.body}'`}
          </pre>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-600">
            {e.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
            <li>
              The answer counts what changed:{" "}
              <code className="font-mono text-xs">{`{"created":2,"updated":0,"unchanged":0}`}</code>. Pushing the same
              values again changes nothing, so a retry is always safe.
            </li>
            <li>
              If any item is wrong, nothing is written: the 400 answer lists each problem with its position, such as{" "}
              <code className="font-mono text-xs">{e.errorPath}</code>.
            </li>
          </ul>
        </SettingsSection>
      ))}
    </>
  );
}
