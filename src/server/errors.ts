/**
 * How errors leave the server: the contract's codes, applied to graphql-js's own refusals too,
 * in production nothing of what went wrong inside, and without introspection no hint of the
 * schema.
 */
import { ApolloServerErrorCode, unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, isValueNode, type GraphQLFormattedError } from "graphql";
import { ErrorCode } from "../errors.js";
import type { QueryLimits } from "./config.js";
import { breachExtensions, tokenBreach } from "./limits.js";
import { textFlaw } from "./text.js";

export interface ErrorFormatterOptions {
  /** Replaces internal errors by a generic one; the real error goes to `log`. */
  production: boolean;
  /** False drops graphql-js's "Did you mean ...?", which would spell out the hidden schema. */
  introspection: boolean;
  queryLimits: QueryLimits;
  log?: (error: unknown) => void;
}

/** Codes a client caused and can act on; in production every other error is masked. */
const clientCodes = new Set<unknown>([
  ...Object.values(ErrorCode),
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
]);

export function errorFormatter({
  production,
  introspection,
  queryLimits,
  log = (error) => console.error(error),
}: ErrorFormatterOptions) {
  const format = clientFormatter(production, queryLimits, log);
  // Apollo drops the hints from validation errors only; variable coercion gives them too
  // (`Value "ASCX" does not exist in "SortOrder" enum. Did you mean the enum value "ASC"?`).
  return introspection
    ? format
    : (formatted: GraphQLFormattedError, error: unknown) => withoutHints(format(formatted, error));
}

function clientFormatter(production: boolean, queryLimits: QueryLimits, log: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    if (code === ApolloServerErrorCode.GRAPHQL_PARSE_FAILED && original instanceof GraphQLError && original.source) {
      const breach = tokenBreach(original.source.body, queryLimits);
      if (breach) {
        return { message: breach.message, locations: formatted.locations, extensions: breachExtensions(breach) };
      }
    }
    if (
      code === ApolloServerErrorCode.GRAPHQL_PARSE_FAILED &&
      original instanceof GraphQLError &&
      loneSurrogateLiteral(original)
    ) {
      const [where] = original.locations ?? [];
      const place = where ? ` at line ${where.line}, column ${where.column}` : "";
      return {
        message: `The string${place} contains ${textFlaw("\ud800")}.`,
        locations: formatted.locations,
        extensions: { code: ErrorCode.BadUserInput },
      };
    }
    // A value in the query text that does not fit its type (`dateOfBirth: "1990-13-45"`,
    // `limit: "ten"`) is bad user input, as the same value sent in a variable is; graphql-js
    // points those errors at the value alone. Other validation failures keep their code.
    const badValueInQuery =
      code === ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED &&
      original instanceof GraphQLError &&
      original.nodes?.length === 1 &&
      isValueNode(original.nodes[0]!);
    // graphql-js stops checking variables after 50 errors and says so in an error without a code;
    // it is as much the client's as the 50 before it.
    const tooManyBadVariables =
      original instanceof GraphQLError && original.message.startsWith("Too many errors processing variables");
    if (badValueInQuery || tooManyBadVariables) {
      return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BadUserInput } };
    }
    if (production && !clientCodes.has(code)) {
      log(original);
      return {
        message: "Internal server error",
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR },
      };
    }
    return formatted;
  };
}

const hint = / ?Did you mean [^?]*\?/g;

function withoutHints(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const stacktrace = formatted.extensions?.stacktrace;
  return {
    ...formatted,
    message: formatted.message.replace(hint, ""),
    ...(Array.isArray(stacktrace) && {
      extensions: { ...formatted.extensions, stacktrace: stacktrace.map((line) => String(line).replace(hint, "")) },
    }),
  };
}

/**
 * graphql-js refuses a lone surrogate in a string literal (`"\ud800"`, or the character itself)
 * as a syntax error, pointing at it; it is bad text, as the same string sent in a variable is.
 */
function loneSurrogateLiteral(error: GraphQLError): boolean {
  const position = error.positions?.[0];
  if (!error.source || position === undefined) return false;
  const at = error.source.body.slice(position, position + 12);
  return (
    (error.message.includes("Invalid Unicode escape sequence") && /^\\u\{?0*[dD][89a-fA-F][0-9a-fA-F]{2}/.test(at)) ||
    (error.message.includes("within String") && /^[\ud800-\udfff]/.test(at))
  );
}
