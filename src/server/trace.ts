/**
 * `x-playground-trace: 1` adds `extensions.sql = { count, statements }` to the response: the
 * statements this operation ran, in order. The runner records them; this plugin reports them.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { PlaygroundContext } from "../graphql/context.js";

export const traceHeader = "x-playground-trace";
export const batchingHeader = "x-playground-batching";

export function sqlTracePlugin(): ApolloServerPlugin<PlaygroundContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const ran = contextValue.sql.ran;
          if (!ran || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          const statements = ran.map((statement) => statement.sql);
          result.extensions = { ...result.extensions, sql: { count: statements.length, statements } };
        },
      };
    },
  };
}
