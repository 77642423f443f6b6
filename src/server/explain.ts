/**
 * The SQL of a request as an IDE shows it. A request with the `X-GraphQL-Explain` header (Ruru
 * sends `plan,sql`) gets `extensions.explain = { operations: [{ type: "sql", title, query,
 * explain }] }`: every statement in order, with its bound values written in, the time it took,
 * and the engine's plan for it.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { PlaygroundContext } from "../graphql/context.js";
import type { SqlValue } from "../sql/engine.js";
import type { RanStatement } from "../sql/runner.js";

export const explainHeader = "x-graphql-explain";

/** A bound value as a SQL literal, for reading only: the statement ran with parameters. */
function literal(value: SqlValue): string {
  if (value === null) return "NULL";
  if (typeof value === "string") return `'${value.replaceAll("'", "''")}'`;
  return String(value);
}

/** The statement's text with each `?` replaced by its value (no `?` appears in the text otherwise). */
export function withValues({ sql, params }: Pick<RanStatement, "sql" | "params">): string {
  let next = 0;
  return sql.replace(/\?/g, () => literal(params[next++] ?? null));
}

export function explainPlugin(): ApolloServerPlugin<PlaygroundContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const ran = contextValue.sql.ran;
          if (!contextValue.explain || !ran || response.body.kind !== "single") return;
          const operations = await Promise.all(
            ran.map(async (statement) => ({
              type: "sql",
              title: `${statement.title || "statement"} · ${statement.durationMs.toFixed(2)} ms`,
              query: withValues(statement),
              explain: await contextValue.sql.engine.reader
                .explain(statement, Date.now() + explainTimeoutMs)
                .catch((error: Error) => `(no plan: ${error.message})`),
            })),
          );
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, explain: { operations } };
        },
      };
    },
  };
}

/** Planning does not run the statement, so this bound is only a guard. */
const explainTimeoutMs = 2000;
