import { CodeBlock } from "./code-block";
import { FieldTable, Part, ReferenceCard } from "./operation-card";
import type { ReferenceWebhook } from "./webhook-reference";

/** One event Meridian sends: when, the headers that sign it, its body's fields and an example body. */
export function WebhookCard({ webhook: w }: { webhook: ReferenceWebhook }) {
  return (
    <ReferenceCard id={w.id} method="POST" target={w.event} summary={w.summary} description={w.description}>
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
    </ReferenceCard>
  );
}
