"use client";

import { useState } from "react";
import { Button } from "~/components/ui/button";

/** The new token's secret, shown this once: the server keeps only its hash. */
export function ApiTokenSecret({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
      <p className="font-medium">Token “{name}” created. Copy it now: it will not be shown again.</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label htmlFor="new-api-token" className="sr-only">
          New API token
        </label>
        <input
          id="new-api-token"
          readOnly
          value={token}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="new-api-token"
          className="min-w-0 flex-1 rounded-md border border-amber-300 bg-white px-2 py-1.5 font-mono text-xs text-slate-900"
        />
        <Button variant="secondary" onClick={copy}>
          {copied === "yes" ? "Copied" : "Copy token"}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Done
        </Button>
      </div>
      {copied === "failed" && (
        <p className="mt-1 text-xs">The browser did not allow copying: select the token and copy it by hand.</p>
      )}
      <p className="mt-2 text-xs">
        Store it in the other system's secret settings. Anyone holding it can push KPI values, campaign results and
        experiment results into this organization; if it leaks, revoke it below and create a new one.
      </p>
    </div>
  );
}
