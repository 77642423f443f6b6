/**
 * A SQLite connection on a thread of its own. better-sqlite3 runs each statement to its end on
 * the calling thread, so the server's thread hands statements to these workers and goes on
 * answering other clients. better-sqlite3 has no progress handler to stop a statement from
 * outside; instead the statements call `playground_deadline()` where their work can multiply
 * (see Dialect.deadlineCheck), and that function fails the statement once the request's
 * deadline has passed.
 */
import Database, { SqliteError, type Statement } from "better-sqlite3";
import { parentPort, workerData } from "node:worker_threads";
import type { Call, Reply, WorkerFailure, WorkerOptions } from "./protocol.js";

const options = workerData as WorkerOptions;
const connection =
  typeof options.database === "string"
    ? new Database(options.database, { readonly: options.readonly, timeout: options.busyTimeoutMs })
    : new Database(Buffer.from(options.database));
connection.pragma("foreign_keys = ON");
// See src/sql/sqlite/engine.ts for why NORMAL is durable enough in WAL mode.
if (!options.readonly) connection.pragma("synchronous = NORMAL");

let deadline = Infinity;
const deadlinePassed = new Error("deadline passed");
connection.function("playground_deadline", { deterministic: false }, () => {
  if (Date.now() > deadline) throw deadlinePassed;
  return 1;
});

/** A statement and, for one that returns rows, the names of its columns. */
interface Prepared {
  statement: Statement;
  columns?: string[];
}

/** Least recently used last out: a Map iterates in insertion order, and a hit re-inserts. */
const prepared = new Map<string, Prepared>();
function statement(sql: string): Prepared {
  let found = prepared.get(sql);
  if (found) {
    prepared.delete(sql);
  } else {
    const statement = connection.prepare(sql);
    // Rows leave as arrays of values, the column names once per reply (see ../rows.ts).
    found = statement.reader
      ? { statement: statement.raw(true), columns: statement.columns().map((column) => column.name) }
      : { statement };
    if (prepared.size >= options.statementCacheSize) prepared.delete(prepared.keys().next().value!);
  }
  prepared.set(sql, found);
  return found;
}

function answer(call: Call): Reply {
  deadline = call.deadline;
  const params = (call.params ?? []).map((value) => (typeof value === "boolean" ? Number(value) : value));
  switch (call.kind) {
    case "all": {
      const { statement: all, columns = [] } = statement(call.sql);
      return { id: call.id, columns, rows: all.all(...params) as unknown[][] };
    }
    case "run":
      return { id: call.id, changes: statement(call.sql).statement.run(...params).changes };
    case "explain": {
      const plan = connection.prepare(`EXPLAIN QUERY PLAN ${call.sql}`).all(...params) as Array<{
        id: number;
        parent: number;
        detail: string;
      }>;
      return { id: call.id, text: planText(plan) };
    }
    case "exec":
      connection.exec(call.sql);
      return { id: call.id, done: true };
  }
}

/** The plan as the `sqlite3` shell prints it: one line per step, indented under its parent. */
function planText(plan: Array<{ id: number; parent: number; detail: string }>): string {
  const depth = new Map<number, number>([[0, 0]]);
  return plan
    .map(({ id, parent, detail }) => {
      const level = (depth.get(parent) ?? 0) + 1;
      depth.set(id, level);
      return `${"  ".repeat(level - 1)}${detail}`;
    })
    .join("\n");
}

function failure(error: unknown): WorkerFailure {
  if (error === deadlinePassed) return { message: "deadline passed", timedOut: true };
  return {
    message: error instanceof Error ? error.message : String(error),
    sqliteCode: error instanceof SqliteError ? error.code : undefined,
  };
}

parentPort!.on("message", (call: Call | "close") => {
  if (call === "close") {
    connection.close();
    parentPort!.close();
    return;
  }
  let reply: Reply;
  try {
    reply = answer(call);
  } catch (error) {
    reply = { id: call.id, failure: failure(error) };
  }
  parentPort!.postMessage(reply);
});
