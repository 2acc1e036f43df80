"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "~/components/ui/button";

/**
 * A signing secret, shown this once (after creating an endpoint or rotating its secret), with how a
 * receiver checks the signature. The list never shows it again.
 */
export function WebhookSecret({
  url,
  secret,
  rotated,
  onDone,
}: {
  url: string;
  secret: string;
  /** A new secret for an existing endpoint rather than a new endpoint's. */
  rotated: boolean;
  onDone: () => void;
}) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // The secret is what the admin came for: focus it, so it is read out and ready to copy.
  useEffect(() => input.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
      <p className="font-medium [overflow-wrap:anywhere]">
        {rotated ? "New signing secret for" : "Endpoint created:"} {url}. Copy the signing secret now: it will not be
        shown again.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label htmlFor="webhook-secret" className="sr-only">
          Signing secret
        </label>
        <input
          ref={input}
          id="webhook-secret"
          readOnly
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="webhook-secret"
          className="min-w-0 flex-1 basis-56 rounded-md border border-amber-300 bg-white px-2 py-1.5 font-mono text-xs text-slate-900"
        />
        <Button variant="secondary" onClick={copy}>
          {copied === "yes" ? "Copied" : "Copy secret"}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Done
        </Button>
      </div>
      {copied === "failed" && (
        <p className="mt-1 text-xs">The browser did not allow copying: select the secret and copy it by hand.</p>
      )}
      <div className="mt-3 space-y-1 text-xs">
        <p className="font-medium">Verifying a delivery</p>
        <p>
          Each delivery follows Standard Webhooks: it carries the headers <code className="font-mono">webhook-id</code>,{" "}
          <code className="font-mono">webhook-timestamp</code> and <code className="font-mono">webhook-signature</code>.
          The signature is <code className="font-mono">v1,</code> followed by the base64 HMAC-SHA256 of{" "}
          <code className="font-mono [overflow-wrap:anywhere]">{"{webhook-id}.{webhook-timestamp}.{body}"}</code>, keyed
          with the base64-decoded part of the secret after <code className="font-mono">whsec_</code>. The Standard
          Webhooks libraries (<code className="font-mono">new Webhook(secret).verify(body, headers)</code>) do this for
          you.
        </p>
        <p>
          Refuse a delivery whose signature does not match or whose timestamp is more than five minutes old, and drop
          one whose <code className="font-mono">webhook-id</code> you have already handled: a resend keeps its id.
        </p>
      </div>
    </div>
  );
}
