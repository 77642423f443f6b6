/** The messages between the server's thread and a SQLite worker thread. */
import type { SqlValue } from "../engine.js";

export interface WorkerOptions {
  /** A file path, or the bytes of a serialized in-memory database. */
  database: string | Uint8Array;
  readonly: boolean;
  busyTimeoutMs: number;
  /** Prepared statements kept per connection; the least recently used beyond it are dropped. */
  statementCacheSize: number;
}

export interface Call {
  id: number;
  /** `exec` runs statements without parameters or results: BEGIN, COMMIT, ROLLBACK, pragmas. */
  kind: "all" | "run" | "explain" | "exec";
  sql: string;
  params?: readonly SqlValue[];
  deadline: number;
}

export interface WorkerFailure {
  message: string;
  /** better-sqlite3's extended result code name: `SQLITE_BUSY`, `SQLITE_FULL`, ... */
  sqliteCode?: string;
  /** The statement was stopped at the request's deadline. */
  timedOut?: boolean;
}

export type Reply =
  /** Each row as its values in `columns`' order (see ../rows.ts). */
  | { id: number; columns: string[]; rows: unknown[][] }
  | { id: number; changes: number }
  | { id: number; text: string }
  | { id: number; done: true }
  | { id: number; failure: WorkerFailure };
