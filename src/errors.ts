/**
 * The refusals of the API contract: one stable `extensions.code` each, and one error class
 * that carries it. Messages say which rule was broken and what to do instead.
 */
import { HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";

export const ErrorCode = {
  BadUserInput: "BAD_USER_INPUT",
  NotFound: "NOT_FOUND",
  Conflict: "CONFLICT",
  Protected: "PROTECTED",
  QueryTooComplex: "QUERY_TOO_COMPLEX",
  Forbidden: "FORBIDDEN",
  Unauthenticated: "UNAUTHENTICATED",
  Timeout: "TIMEOUT",
  DatabaseBusy: "DATABASE_BUSY",
  DatabaseFull: "DATABASE_FULL",
  DatabaseUnavailable: "DATABASE_UNAVAILABLE",
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

/** Thrown wherever the request's deadline stops its work; Apollo answers it with HTTP 503. */
export const timeout = () =>
  new PlaygroundError(
    ErrorCode.Timeout,
    "The request ran past its time limit (REQUEST_TIMEOUT_MS) and was stopped; nothing it wrote was kept. " +
      "Ask for less: smaller pages, fewer nested lists, or simpler filters across relations.",
    { http: { status: 503 } },
  );

export const databaseBusy = () =>
  new PlaygroundError(
    ErrorCode.DatabaseBusy,
    "Another process holds the database's write lock, so nothing was written; reads still work. Retry in a moment.",
    { http: { status: 503, headers: new HeaderMap([["retry-after", "1"]]) } },
  );

export const databaseFull = () =>
  new PlaygroundError(
    ErrorCode.DatabaseFull,
    "The database or its disk is full, so nothing was written; reads still work. Free some space and retry.",
    { http: { status: 507 } },
  );

export const databaseUnavailable = (path: string) =>
  new PlaygroundError(
    ErrorCode.DatabaseUnavailable,
    `The database file ${path} was deleted or replaced while the server ran, so writes are refused ` +
      "(they would go to a file nobody can open again). Restart the server; reads still show the old data.",
    { http: { status: 503 } },
  );

/** A statement that arrives while the server closes: it is not run, since the database is being closed. */
export const serverStopping = () =>
  new PlaygroundError(
    ErrorCode.DatabaseUnavailable,
    "The server is stopping, so this request was not finished and nothing more was written. Retry once it runs again.",
    { http: { status: 503 } },
  );

/**
 * A `models.py` the playground cannot serve, refused before the server starts. The message reads
 * like a compiler's: `models.py:12:5: found models.JSONField; supported: CharField, ...`.
 */
export class ModelsFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly found: string,
    readonly supported: string,
  ) {
    super(`${file}:${line}:${column}: found ${found}; supported: ${supported}`);
    this.name = "ModelsFileError";
  }
}
