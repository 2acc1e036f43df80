import { Badge } from "~/components/ui/badge";
import { CodeBlock } from "./code-block";
import { FieldTable, Part, Prose } from "./operation-card";
import type { ReferenceWebhook } from "./webhook-reference";

/** One event Meridian sends: when, the headers that sign it, its body's fields and an example body. */
export function WebhookCard({ webhook: w }: { webhook: ReferenceWebhook }) {
  return (
    <article
      id={w.id}
      aria-labelledby={`${w.id}-title`}
      className="scroll-mt-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <h3 id={`${w.id}-title`} className="flex flex-wrap items-center gap-2">
        <Badge tone="indigo" className="font-mono">
          POST
        </Badge>{" "}
        <code className="font-mono text-sm font-semibold text-slate-900 [overflow-wrap:anywhere]">{w.event}</code>
      </h3>
      {w.summary && <p className="mt-2 text-sm font-medium text-slate-800">{w.summary}</p>}
      {w.description && (
        <p className="mt-1 text-sm text-slate-600">
          <Prose text={w.description} />
        </p>
      )}
      <Part title="Headers">
        <FieldTable rows={w.headers} caption={`Headers of the ${w.event} webhook`} kind="Name" />
      </Part>
      <Part title="Body (JSON)">
        <FieldTable rows={w.fields} caption={`Body of the ${w.event} webhook`} kind="Field" />
      </Part>
      <Part title="Example body">
        <CodeBlock
          code={w.example}
          caption="JSON"
          copyLabel={`Copy the example body of ${w.event}`}
          label={`Example body of ${w.event}`}
        />
      </Part>
    </article>
  );
}
