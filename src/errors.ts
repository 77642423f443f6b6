/**
 * The refusals of the API contract: one stable `extensions.code` each, and one error class
 * that carries it. Messages say which rule was broken and what to do instead.
 */
import { GraphQLError } from "graphql";

export const ErrorCode = {
  BadUserInput: "BAD_USER_INPUT",
  NotFound: "NOT_FOUND",
  Conflict: "CONFLICT",
  Protected: "PROTECTED",
  QueryTooComplex: "QUERY_TOO_COMPLEX",
  Forbidden: "FORBIDDEN",
  Unauthenticated: "UNAUTHENTICATED",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class PlaygroundError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...details } });
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) =>
  new PlaygroundError(ErrorCode.BadUserInput, message, details);

export const notFound = (message: string, details?: Record<string, unknown>) =>
  new PlaygroundError(ErrorCode.NotFound, message, details);

export const conflict = (message: string, details?: Record<string, unknown>) =>
  new PlaygroundError(ErrorCode.Conflict, message, details);

export const protectedRow = (message: string, details?: Record<string, unknown>) =>
  new PlaygroundError(ErrorCode.Protected, message, details);
