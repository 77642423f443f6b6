/**
 * `x-playground-trace: 1` adds `extensions.sql = { count, statements }` to the response: the
 * statements this operation ran, in order. The runner records them; this plugin reports them.
 */
import type { ApolloServerPlugin, HeaderMap } from "@apollo/server";
import type { PlaygroundContext } from "../graphql/context.js";
import type { PlaygroundConfig } from "./config.js";

export const traceHeader = "x-playground-trace";
export const batchingHeader = "x-playground-batching";

/**
 * Whether responses may show the SQL a request ran (the trace, the explain output). Statements
 * name every table and column, so with introspection switched off they are not shown either.
 */
export function sqlVisible(config: Pick<PlaygroundConfig, "introspection">): boolean {
  return config.introspection;
}

/** Whether to record this request's statements for its response. */
export function traceRequested(headers: HeaderMap, config: Pick<PlaygroundConfig, "introspection">): boolean {
  return sqlVisible(config) && headers.get(traceHeader) === "1";
}

export function sqlTracePlugin(): ApolloServerPlugin<PlaygroundContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const ran = contextValue.sql.ran;
          if (!contextValue.trace || !ran || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          const statements = ran.map((statement) => statement.sql);
          result.extensions = { ...result.extensions, sql: { count: statements.length, statements } };
        },
      };
    },
  };
}
