/**
 * Which operation of a document a request runs. Apollo resolves it before its plugins run; when
 * it cannot (an `operationName` that names no operation, several operations and no name), it
 * still calls the executor and expects an error back. Everything that guards execution (the
 * write switches, the query limits) looks at the resolved operation, so a request without one
 * must run nothing: the guards refuse it with the error graphql-js would give, and so does the
 * executor.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerErrorCode } from "@apollo/server/errors";
import { GraphQLError, Kind, type DocumentNode } from "graphql";

/** OPERATION_RESOLUTION_FAILURE (HTTP 400) for a request whose document resolves to no operation. */
export function unresolvedOperation(document: DocumentNode, operationName: string | null | undefined): GraphQLError {
  const names = document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION
      ? [definition.name ? `"${definition.name.value}"` : "(anonymous)"]
      : [],
  );
  const message = operationName
    ? `operationName "${operationName}" names no operation of the document, whose operations are: ` +
      `${names.join(", ") || "none"}.`
    : `The document has several operations (${names.join(", ")}): send operationName to pick one.`;
  return new GraphQLError(message, {
    extensions: { code: ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE, http: { status: 400 } },
  });
}

/**
 * Refuses what the server cannot run before any other plugin lets it through: a request whose
 * operation is not resolved, and a subscription (the schema has none; graphql-js would answer an
 * internal error).
 */
export function operationPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) throw unresolvedOperation(document, request.operationName);
          if (operation.operation === "subscription") {
            throw new GraphQLError("This server has no subscriptions: send a query or a mutation.", {
              extensions: { code: ApolloServerErrorCode.BAD_REQUEST, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
