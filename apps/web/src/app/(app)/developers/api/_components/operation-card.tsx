import { Badge, type BadgeTone } from "~/components/ui/badge";
import type { FieldRow, ParameterRow, ReferenceOperation } from "./api-reference";
import { CodeBlock } from "./code-block";

const METHOD_TONES: Record<string, BadgeTone> = {
  GET: "emerald",
  POST: "indigo",
  PUT: "violet",
  PATCH: "amber",
  DELETE: "rose",
};

/** Inline `code` in a sentence of the document (its descriptions use Markdown backticks). */
export function Prose({ text }: { text: string }) {
  const parts = text.split(/`([^`]+)`/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="rounded bg-slate-100 px-1 font-mono text-xs">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

/**
 * Fields as a table of three columns, the name with its type under it, so that it fits a phone:
 * long dotted names break rather than widen the page.
 */
export function FieldTable({
  rows,
  caption,
  kind,
}: {
  rows: readonly (FieldRow | ParameterRow)[];
  caption: string;
  kind: string;
}) {
  return (
    <table className="mt-2 w-full table-fixed text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th scope="col" className="w-[45%] py-1.5 pr-3 font-medium">
            {kind}
          </th>
          <th scope="col" className="hidden w-[5.5rem] py-1.5 pr-3 font-medium sm:table-cell">
            Required
          </th>
          <th scope="col" className="py-1.5 font-medium">
            Description
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 align-top">
        {rows.map((row) => (
          <tr key={"in" in row ? `${row.in}:${row.name}` : row.name}>
            <td className="py-2 pr-3">
              <code className="font-mono text-xs font-semibold text-slate-900 [overflow-wrap:anywhere]">
                {row.name}
              </code>
              <p className="mt-0.5 text-xs text-slate-600 [overflow-wrap:anywhere]">
                {"in" in row ? `in ${row.in} · ` : ""}
                {row.type}
                {/* On a phone the Required column gives its room to the description. */}
                <span className="sm:hidden">{row.required ? " · required" : " · optional"}</span>
              </p>
            </td>
            <td className="hidden py-2 pr-3 text-xs sm:table-cell">{row.required ? "Yes" : "No"}</td>
            <td className="py-2 text-xs text-slate-700 [overflow-wrap:anywhere]">
              {row.description ? <Prose text={row.description} /> : <span className="text-slate-400">—</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Part({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mt-4">
      <h4 className="text-sm font-semibold text-slate-900">{title}</h4>
      {children}
    </div>
  );
}

/**
 * A card of the reference: a method and a path (or an event) as its heading, what it is for, then
 * its parts. Operations and webhook events share it, so both read alike.
 */
export function ReferenceCard({
  id,
  method,
  target,
  summary,
  description,
  children,
}: {
  id: string;
  method: string;
  target: string;
  summary: string;
  description: string;
  children: React.ReactNode;
}) {
  return (
    <article
      id={id}
      aria-labelledby={`${id}-title`}
      className="scroll-mt-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <h3 id={`${id}-title`} className="flex flex-wrap items-center gap-2">
        <Badge tone={METHOD_TONES[method] ?? "slate"} className="font-mono">
          {method}
        </Badge>{" "}
        <code className="font-mono text-sm font-semibold text-slate-900 [overflow-wrap:anywhere]">{target}</code>
      </h3>
      {summary && <p className="mt-2 text-sm font-medium text-slate-800">{summary}</p>}
      {description && (
        <p className="mt-1 text-sm text-slate-600">
          <Prose text={description} />
        </p>
      )}
      {children}
    </article>
  );
}

/** One operation: what it does, what it needs, what it takes and answers, and a command to try it. */
export function OperationCard({ operation: op }: { operation: ReferenceOperation }) {
  const label = `${op.method} ${op.path}`;
  return (
    <ReferenceCard id={op.id} method={op.method} target={op.path} summary={op.summary} description={op.description}>
      <p className="mt-2 text-sm text-slate-700">
        <span className="font-medium">Scope: </span>
        {op.scopes.length === 0 ? (
          <span className="text-slate-500">not stated in the document</span>
        ) : (
          op.scopes.map((s, i) => (
            <span key={s.scope}>
              {i > 0 && " and "}
              <code className="rounded bg-slate-100 px-1 font-mono text-xs">{s.scope}</code>
              {s.label !== s.scope && <span className="text-slate-600"> ({s.label})</span>}
            </span>
          ))
        )}
      </p>

      {op.parameters.length > 0 && (
        <Part title="Parameters">
          <FieldTable rows={op.parameters} caption={`Parameters of ${label}`} kind="Name" />
        </Part>
      )}
      {op.body && (
        <Part title="Request body (JSON)">
          {op.body.length ? (
            <FieldTable rows={op.body} caption={`Request body of ${label}`} kind="Field" />
          ) : (
            <p className="mt-1 text-sm text-slate-600">An empty object.</p>
          )}
        </Part>
      )}
      {op.response && (
        <Part title={`Response ${op.response.status}`}>
          {op.response.fields.length ? (
            <FieldTable rows={op.response.fields} caption={`Response of ${label}`} kind="Field" />
          ) : (
            <p className="mt-1 text-sm text-slate-600">{op.response.description || "No body."}</p>
          )}
        </Part>
      )}
      {op.errors.length > 0 && (
        <Part title="Errors">
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
            {op.errors.map((e) => (
              <li key={e.status}>
                <span className="font-mono font-semibold text-slate-800">{e.status}</span> {e.description}
              </li>
            ))}
          </ul>
        </Part>
      )}
      <Part title="Example">
        <CodeBlock
          code={op.curl}
          caption="curl"
          copyLabel={`Copy the curl command for ${label}`}
          label={`curl command for ${label}`}
        />
      </Part>
    </ReferenceCard>
  );
}
