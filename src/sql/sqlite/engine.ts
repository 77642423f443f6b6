/**
 * The embedded engine: SQLite through better-sqlite3, every statement on a worker thread. A
 * file database gets reader workers, each with its own read-only connection (WAL lets them read
 * while the writer writes), and one writer whose transactions run one at a time; an in-memory
 * database lives in a single worker that takes reads and transactions in turn.
 *
 * Durability: WAL with synchronous=NORMAL survives a crash of the process with every committed
 * transaction (COMMIT has written it to the WAL file before the response goes out); only a power
 * loss or OS crash can take back the last commits. FULL would close that gap with an fsync per
 * commit, for data that `npm run seed` restores.
 */
import { Worker } from "node:worker_threads";
import { statSync } from "node:fs";
import { databaseBusy, databaseFull, databaseUnavailable, timeout } from "../../errors.js";
import {
  closingGracefully,
  type Dialect,
  type Engine,
  type RunResult,
  type SqlSession,
  type Statement,
} from "../engine.js";
import { Queue } from "../queue.js";
import type { Call, Reply, WorkerFailure, WorkerOptions } from "./protocol.js";
import { rowObjects } from "../rows.js";

export const sqliteDialect: Dialect = {
  name: "sqlite",
  // Decimals are text here and compare as numbers (see compared() in ../syntax.ts).
  jsonArrayValues: (kind) =>
    kind === "numeric" ? "(SELECT CAST(value AS NUMERIC) FROM json_each(?))" : "(SELECT value FROM json_each(?))",
  contains: (haystack, needle) => `instr(${haystack}, ${needle}) > 0`,
  deadlineCheck: "playground_deadline()",
  deferForeignKeys: "PRAGMA defer_foreign_keys = ON",
  // AUTOINCREMENT keeps the highest id ever handed out per table; without its row a table's
  // next id is one past its largest.
  idCounterStatements: () => ["DELETE FROM sqlite_sequence"],
};

export interface SqliteEngineOptions {
  /** A file path, or the bytes of a serialized in-memory database. */
  database: string | Uint8Array;
  /** How long a write waits for another process's lock before DATABASE_BUSY. */
  busyTimeoutMs: number;
  readers: number;
  statementCacheSize: number;
}

/**
 * How long past its deadline a statement may keep a worker before the worker is replaced. The
 * deadline check stops runaway statements in time; this catches one that never reaches a check.
 */
const stuckGraceMs = 2000;

type Pending = { resolve: (reply: Reply) => void; reject: (error: Error) => void; timer?: NodeJS.Timeout };

/** One worker thread and its connection; replaced by a fresh one if a statement gets stuck. */
class WorkerConnection {
  private worker!: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(private readonly options: WorkerOptions) {
    this.start();
  }

  get load(): number {
    return this.pending.size;
  }

  call(call: Omit<Call, "id">): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const entry: Pending = { resolve, reject };
      if (Number.isFinite(call.deadline)) {
        entry.timer = setTimeout(() => this.replaceStuck(), Math.max(0, call.deadline - Date.now()) + stuckGraceMs);
      }
      this.pending.set(id, entry);
      this.worker.postMessage({ ...call, id });
    });
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.worker.once("exit", resolve));
    this.worker.postMessage("close");
    await exited;
  }

  private start(): void {
    this.worker = new Worker(new URL("./worker.js", import.meta.url), { workerData: this.options });
    this.worker.on("message", (reply: Reply) => {
      const entry = this.pending.get(reply.id);
      if (!entry) return;
      this.pending.delete(reply.id);
      clearTimeout(entry.timer);
      entry.resolve(reply);
    });
    this.worker.on("error", (error) => this.failAll(error));
    // The worker's `exit` after close() has nothing pending; any other exit fails what was.
    this.worker.on("exit", () => this.failAll(new Error("The SQLite worker stopped.")));
  }

  private replaceStuck(): void {
    const stuck = this.worker;
    stuck.removeAllListeners();
    void stuck.terminate();
    this.failAll(timeout());
    this.start();
  }

  private failAll(error: Error): void {
    for (const [id, entry] of this.pending) {
      this.pending.delete(id);
      clearTimeout(entry.timer);
      entry.reject(error);
    }
  }
}

/** A worker's failure as the contract's code where there is one, otherwise as it came. */
function asError(failure: WorkerFailure): Error {
  if (failure.timedOut) return timeout();
  switch (failure.sqliteCode) {
    case "SQLITE_BUSY":
    case "SQLITE_BUSY_SNAPSHOT":
      return databaseBusy();
    case "SQLITE_FULL":
      return databaseFull();
    default:
      return Object.assign(new Error(failure.message), { code: failure.sqliteCode });
  }
}

async function answered(reply: Promise<Reply>): Promise<Reply> {
  const settled = await reply;
  if ("failure" in settled) throw asError(settled.failure);
  return settled;
}

/** The session of one connection: each call a message to its worker. */
function session(pick: () => WorkerConnection): SqlSession {
  return {
    all: async <Row>({ sql, params }: Statement, deadline: number) => {
      const reply = await answered(pick().call({ kind: "all", sql, params, deadline }));
      const { columns, rows } = reply as { columns: string[]; rows: unknown[][] };
      return rowObjects(columns, rows) as Row[];
    },
    run: async ({ sql, params }: Statement, deadline: number): Promise<RunResult> => ({
      changes: ((await answered(pick().call({ kind: "run", sql, params, deadline }))) as { changes: number }).changes,
    }),
    explain: async ({ sql, params }: Statement, deadline: number) =>
      ((await answered(pick().call({ kind: "explain", sql, params, deadline }))) as { text: string }).text,
  };
}

export function sqliteEngine(options: SqliteEngineOptions): Engine {
  const base = { busyTimeoutMs: options.busyTimeoutMs, statementCacheSize: options.statementCacheSize };
  const inMemory = typeof options.database !== "string";
  const writer = new WorkerConnection({ ...base, database: options.database, readonly: false });
  const readers = inMemory
    ? []
    : Array.from(
        { length: options.readers },
        () => new WorkerConnection({ ...base, database: options.database, readonly: true }),
      );
  const transactions = new Queue();
  // A file deleted or replaced under the server would take every later write with it, each one
  // acknowledged: writes check first that the file they open is still the one at the path.
  const fileIdentity = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat && `${stat.dev}:${stat.ino}`;
  };
  const file = typeof options.database === "string" ? options.database : undefined;
  const identity = file && fileIdentity(file);
  const writerSession = session(() => writer);
  const exec = (sql: string, deadline: number) => answered(writer.call({ kind: "exec", sql, deadline }));

  // In memory, the one connection must not show a read another request's half-done
  // transaction: reads queue with the transactions.
  const readerSession = inMemory
    ? {
        all: <Row>(statement: Statement, deadline: number) =>
          transactions.run(() => writerSession.all<Row>(statement, deadline)),
        run: (statement: Statement, deadline: number) => transactions.run(() => writerSession.run(statement, deadline)),
        explain: (statement: Statement, deadline: number) =>
          transactions.run(() => writerSession.explain(statement, deadline)),
      }
    : session(() => readers.reduce((idlest, reader) => (reader.load < idlest.load ? reader : idlest)));

  return closingGracefully({
    dialect: sqliteDialect,
    reader: readerSession,
    transaction: (work, deadline) =>
      transactions.run(async () => {
        if (file && fileIdentity(file) !== identity) {
          console.error(`${file} was deleted or replaced while the server ran; writes are refused until a restart.`);
          throw databaseUnavailable(file);
        }
        await exec("BEGIN IMMEDIATE", deadline);
        try {
          const result = await work(writerSession);
          // Past the deadline the request is answered TIMEOUT, so its writes must not stay.
          if (Date.now() > deadline) throw timeout();
          await exec("COMMIT", deadline);
          return result;
        } catch (error) {
          // A failed COMMIT (a full disk) or a failed statement leaves the transaction open.
          await exec("ROLLBACK", Infinity).catch(() => {});
          throw error;
        }
      }),
    close: async () => {
      await Promise.all([writer, ...readers].map((connection) => connection.close()));
    },
  });
}
