/** How errors leave the server: the contract's codes, applied to graphql-js's own refusals too. */
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, isValueNode, type GraphQLFormattedError } from "graphql";
import { ErrorCode } from "../errors.js";

/**
 * A value in the query text that does not fit its type (`dateOfBirth: "1990-13-45"`,
 * `limit: "ten"`) is bad user input, as the same value sent in a variable is; graphql-js points
 * those errors at the value alone. Other validation failures (an unknown field) keep their code.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (
    formatted.extensions?.code === "GRAPHQL_VALIDATION_FAILED" &&
    original instanceof GraphQLError &&
    original.nodes?.length === 1 &&
    isValueNode(original.nodes[0]!)
  ) {
    return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BadUserInput } };
  }
  return formatted;
}
