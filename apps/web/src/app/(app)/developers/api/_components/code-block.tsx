"use client";

import { useState } from "react";
import { Button } from "~/components/ui/button";

/**
 * A block of code with a copy button. Long lines scroll inside the block, never the page; the block
 * takes focus so that a keyboard can scroll it too (axe: scrollable-region-focusable).
 */
export function CodeBlock({ code, caption, copyLabel }: { code: string; caption: string; copyLabel: string }) {
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
      <pre
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling block must take focus to be scrolled by keyboard.
        tabIndex={0}
        className="mt-1 max-w-full overflow-x-auto rounded-lg bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
      >
        {code}
      </pre>
      {copied === "failed" && (
        <p className="mt-1 text-xs text-slate-600">The browser did not allow copying: select the text and copy it.</p>
      )}
    </figure>
  );
}
