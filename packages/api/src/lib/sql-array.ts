import { type SQL, sql } from "@meridian/db";

type ArrayType = "uuid" | "text" | "float8" | "int4" | "int2" | "bool";

/**
 * A whole list bound as ONE parameter (`{a,b,c}::uuid[]`), for `= any(...)` and
 * `unnest(...)`: a statement's parameter count then never grows with the data
 * (Postgres refuses more than 65,535). A literal string rather than a JS array,
 * because postgres.js guesses a parameter's type from the array's first item.
 */
export function sqlArray(values: readonly (string | number | boolean | null)[], type: ArrayType): SQL {
  return sql`${sqlArrayLiteral(values)}::${sql.raw(type)}[]`;
}

/** The array's literal text (`{a,b,c}`), the value sqlArray binds: for a placeholder's value. */
export function sqlArrayLiteral(values: readonly (string | number | boolean | null)[]): string {
  const items = values.map((v) => {
    if (v === null) return "NULL";
    if (typeof v === "string") return `"${v.replace(/["\\]/g, "\\$&")}"`;
    return String(v);
  });
  return `{${items.join(",")}}`;
}
