"use client";

import { useState } from "react";
import { Button } from "~/components/ui/button";
import { ui } from "~/components/ui/styles";

/** The landing URL with the campaign's UTM parameters, ready to paste into an ad or an email. */
export function TaggedLink({ link }: { link: string | null }) {
  const [copied, setCopied] = useState(false);
  return (
    <section className={`${ui.card} space-y-2`} aria-labelledby="tagged-title">
      <h2 id="tagged-title" className="text-base font-semibold text-slate-900">
        Tagged link
      </h2>
      {link ? (
        <div className="flex flex-wrap items-center gap-2">
          <input readOnly value={link} aria-label="Tagged link" className={`${ui.input} flex-1 font-mono text-xs`} />
          <Button
            variant="secondary"
            onClick={async () => {
              await navigator.clipboard?.writeText(link);
              setCopied(true);
            }}
          >
            {copied ? "Copied" : "Copy link"}
          </Button>
        </div>
      ) : (
        <p className="text-sm text-slate-600">Add a landing URL to get a link tagged with the UTM parameters.</p>
      )}
    </section>
  );
}
