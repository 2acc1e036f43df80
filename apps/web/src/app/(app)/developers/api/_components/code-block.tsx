"use client";

import { useState } from "react";
import { Button } from "~/components/ui/button";
import { ScrollBox } from "~/components/ui/scroll-box";

/**
 * A block of code with a copy button. Long lines scroll inside the block (a ScrollBox: named,
 * focusable and hinted while it scrolls), never the page.
 */
export function CodeBlock({
  code,
  caption,
  copyLabel,
  label,
}: {
  code: string;
  caption: string;
  copyLabel: string;
  /** What the block holds, unique on the page: the scrolling region's name. */
  label: string;
}) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <figure className="mt-2 min-w-0">
      <div className="flex items-center justify-between gap-2">
        <figcaption className="text-xs font-medium text-slate-600">{caption}</figcaption>
        <Button variant="secondary" size="sm" onClick={copy} aria-label={copyLabel}>
          {copied === "yes" ? "Copied" : "Copy"}
        </Button>
      </div>
      <ScrollBox label={label} className="mt-1" innerClassName="rounded-lg border border-slate-200 bg-slate-50">
        <pre className="w-max min-w-full p-3 font-mono text-xs leading-relaxed text-slate-800">{code}</pre>
      </ScrollBox>
      {copied === "failed" && (
        <p className="mt-1 text-xs text-slate-600">The browser did not allow copying: select the text and copy it.</p>
      )}
    </figure>
  );
}
