/** How errors leave the server: the contract's codes, applied to graphql-js's own refusals too. */
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ErrorCode } from "../errors.js";

/**
 * A value that a scalar refused while the document was validated (`dateOfBirth:
 * "1990-13-45"`) is bad user input, whether it came as a variable or written in the query.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (
    formatted.extensions?.code === "GRAPHQL_VALIDATION_FAILED" &&
    original instanceof GraphQLError &&
    original.originalError !== undefined
  ) {
    return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BadUserInput } };
  }
  return formatted;
}
