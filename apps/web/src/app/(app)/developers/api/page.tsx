import { apiRateLimitPerMinute, openApiDocument } from "@meridian/api";
import { API_SCOPE_INFO, API_SCOPES, WEBHOOK_RETRY_SPAN_HOURS } from "@meridian/domain";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "~/components/ui/field";
import { ui } from "~/components/ui/styles";
import { configuredOrigin } from "~/server/request-guard";
import { getCaller } from "~/trpc/server";
import { buildApiReference, type OpenApiLike } from "./_components/api-reference";
import { CodeBlock } from "./_components/code-block";
import { OperationCard, Prose } from "./_components/operation-card";
import { WebhookCard } from "./_components/webhook-card";
import { buildWebhookReference } from "./_components/webhook-reference";

export const metadata: Metadata = { title: "API reference" };

const ERROR_EXAMPLE = `{
  "code": "BAD_REQUEST",
  "message": "colour: Unknown field 'colour'.",
  "errors": [{ "path": "colour", "message": "Unknown field 'colour'." }]
}`;

function IntroCard({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={`${ui.card} min-w-0`}>
      <h2 id={id} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      <div className="mt-2 space-y-2 text-sm text-slate-700">{children}</div>
    </section>
  );
}

const code = "rounded bg-slate-100 px-1 font-mono text-xs";

/**
 * The reference of /api/v1, rendered on the server from the OpenAPI document the API itself serves,
 * so what it says cannot drift from what the routes accept. Open to every member: anyone may be the
 * one who writes the integration, though only an admin makes the token.
 */
export default async function ApiReferencePage() {
  const me = await (await getCaller()).me.get();
  const origin = configuredOrigin() ?? "https://meridian.example.com";
  const document = openApiDocument() as unknown as OpenApiLike;
  const reference = buildApiReference(document, { origin, scopes: API_SCOPE_INFO });
  const webhooks = buildWebhookReference(document);
  const canMakeTokens = me.permissions.includes("token.manage");
  const canManageWebhooks = me.permissions.includes("webhook.manage");
  const limit = apiRateLimitPerMinute();

  return (
    <div className="min-w-0 space-y-6">
      <PageHeader kicker="Developers" title="API reference">
        <a href="/api/v1/openapi.json" download="meridian-openapi.json" className={ui.secondary}>
          Download OpenAPI document
        </a>
      </PageHeader>
      <p className="max-w-3xl text-sm text-slate-600">
        {reference.title} {reference.version} · {reference.operationCount}{" "}
        {reference.operationCount === 1 ? "operation" : "operations"} at{" "}
        <code className={`${code} [overflow-wrap:anywhere]`}>{reference.baseUrl}</code>.{" "}
        <Prose text={reference.description} /> The machine-readable description is{" "}
        <a href="/api/v1/openapi.json" className="font-medium text-indigo-700 underline">
          /api/v1/openapi.json
        </a>{" "}
        (OpenAPI 3.1), for generating a client.
      </p>

      <nav aria-label="API reference contents" className={ui.card}>
        <h2 className="text-base font-semibold text-slate-900">Contents</h2>
        <ul className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <li>
            <a href="#getting-started" className="text-indigo-700 hover:underline">
              Getting started
            </a>
          </li>
          {reference.tags.map((tag) => (
            <li key={tag.id}>
              <a href={`#${tag.id}`} className="text-indigo-700 hover:underline">
                {tag.name}
              </a>{" "}
              <span className="text-slate-500">({tag.operations.length})</span>
            </li>
          ))}
          {webhooks.length > 0 && (
            <li>
              <a href="#webhooks" className="text-indigo-700 hover:underline">
                Webhooks
              </a>{" "}
              <span className="text-slate-500">({webhooks.length})</span>
            </li>
          )}
        </ul>
      </nav>

      <div id="getting-started" className="grid scroll-mt-4 gap-4 lg:grid-cols-2 lg:items-start">
        <IntroCard title="Get a token" id="intro-token">
          <p>
            An admin makes API tokens in{" "}
            {canMakeTokens ? (
              <Link href="/settings/api-tokens" className="font-medium text-indigo-700 underline">
                Settings → API tokens
              </Link>
            ) : (
              <strong>Settings → API tokens</strong>
            )}
            , choosing its scopes. The token is shown once; it acts as the person who made it, in this organization
            only, and never does more than their role allows.
          </p>
          <p>Send it with every request:</p>
          <CodeBlock
            code="Authorization: Bearer mrd_…"
            caption="Header"
            copyLabel="Copy the Authorization header"
            label="Authorization header"
          />
          <p>
            A missing, unknown, revoked or expired token answers <code className={code}>401</code>; a token without the
            scope a route needs answers <code className={code}>403</code>.
          </p>
        </IntroCard>

        <IntroCard title="Scopes" id="intro-scopes">
          <p>Each route needs one scope; a token holds only those it was made with.</p>
          <dl className="divide-y divide-slate-100">
            {API_SCOPES.map((scope) => (
              <div key={scope} className="py-1.5 sm:grid sm:grid-cols-[10rem_minmax(0,1fr)] sm:gap-3">
                <dt>
                  <code className={code}>{scope}</code>
                </dt>
                <dd className="text-slate-600">
                  <span className="font-medium text-slate-800">{API_SCOPE_INFO[scope].label}.</span>{" "}
                  {API_SCOPE_INFO[scope].description}
                </dd>
              </div>
            ))}
          </dl>
        </IntroCard>

        <IntroCard title="Paging" id="intro-paging">
          <p>
            A list answers <code className={code}>{`{ "items": [...], "nextCursor": "…" }`}</code>. Pass{" "}
            <code className={code}>nextCursor</code> as the <code className={code}>cursor</code> parameter to read the
            next page; it is <code className={code}>null</code> on the last one. <code className={code}>limit</code>{" "}
            sets the page size.
          </p>
        </IntroCard>

        <IntroCard title="Errors and rate limit" id="intro-errors">
          <p>
            Every failure answers the same body: a stable <code className={code}>code</code>, a{" "}
            <code className={code}>message</code> for people and, per field that is wrong, an entry in{" "}
            <code className={code}>errors</code>. Bad input is a <code className={code}>400</code> and changes nothing.
          </p>
          <CodeBlock
            code={ERROR_EXAMPLE}
            caption="Error body"
            copyLabel="Copy the error body example"
            label="Error body example"
          />
          <p>
            Each token may make {limit.toLocaleString("en")} requests a minute. Past that the answer is{" "}
            <code className={code}>429</code> with a <code className={code}>Retry-After</code> header: the seconds to
            wait before trying again.
          </p>
        </IntroCard>
      </div>

      {reference.tags.map((tag) => (
        <section key={tag.id} id={tag.id} aria-labelledby={`${tag.id}-heading`} className="scroll-mt-4 space-y-3">
          <h2 id={`${tag.id}-heading`} className="text-lg font-semibold text-slate-900">
            {tag.name}
          </h2>
          {tag.operations.map((op) => (
            <OperationCard key={op.id} operation={op} />
          ))}
        </section>
      ))}

      {webhooks.length > 0 && (
        <section id="webhooks" aria-labelledby="webhooks-heading" className="scroll-mt-4 space-y-3">
          <h2 id="webhooks-heading" className="text-lg font-semibold text-slate-900">
            Webhooks
          </h2>
          <div className={`${ui.card} max-w-3xl space-y-2 text-sm text-slate-700`}>
            <p>
              An admin registers an endpoint in{" "}
              {canManageWebhooks ? (
                <Link href="/settings/webhooks" className="font-medium text-indigo-700 underline">
                  Settings → Webhooks
                </Link>
              ) : (
                <strong>Settings → Webhooks</strong>
              )}{" "}
              and chooses its events. Meridian then POSTs each event as JSON, signed per the Standard Webhooks
              specification: verify <code className={code}>webhook-signature</code> over{" "}
              <code className={code}>id.timestamp.body</code> with the endpoint&apos;s secret (any Standard Webhooks
              library does it), and answer 2xx. A failed delivery is retried for about {WEBHOOK_RETRY_SPAN_HOURS} hours
              with the same <code className={code}>webhook-id</code>, so a receiver can drop a repeat; answering{" "}
              <code className={code}>410</code> turns the endpoint off.
            </p>
          </div>
          {webhooks.map((w) => (
            <WebhookCard key={w.id} webhook={w} />
          ))}
        </section>
      )}
    </div>
  );
}
