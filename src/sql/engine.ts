/**
 * What the playground asks of a database engine. Every statement goes through one of these
 * (SQLite's worker threads, PostgreSQL's pool), asynchronously, so that no statement holds the
 * thread that answers every client. The SQL text is written once for every engine: it uses `?`
 * placeholders, `TRUE`/`FALSE`, `IS DISTINCT FROM`, `ON CONFLICT DO NOTHING` and `RETURNING`,
 * which both engines read alike; what they spell differently is in the engine's `Dialect`.
 */
import { serverStopping } from "../errors.js";

/** A bound value. SQLite has no boolean type: its engine binds `true` and `false` as 1 and 0, as Django stores them there. */
export type SqlValue = string | number | bigint | boolean | null;

export interface Statement {
  sql: string;
  params: readonly SqlValue[];
}

/** What a statement that writes reports. */
export interface RunResult {
  /** Rows it inserted, updated or deleted. */
  changes: number;
}

/**
 * One connection's worth of statements: the readers, or the writer inside one transaction.
 * `deadline` is the request's end (milliseconds since the epoch): a statement still running
 * then is stopped and rejects with a `TIMEOUT` PlaygroundError.
 */
export interface SqlSession {
  all<Row>(statement: Statement, deadline: number): Promise<Row[]>;
  run(statement: Statement, deadline: number): Promise<RunResult>;
  /** The engine's plan for the statement, as text (SQLite's `EXPLAIN QUERY PLAN`). */
  explain(statement: Statement, deadline: number): Promise<string>;
}

/** What the values of a JSON array parameter are compared as: PostgreSQL's type names. */
export type ArrayKind = "integer" | "text" | "date" | "numeric" | "timestamptz" | "time" | "uuid";

/** A table and the column of its primary key, which the id counter of the table counts. */
export interface TableKey {
  table: string;
  column: string;
}

/** The few pieces of SQL that the engines spell differently. */
export interface Dialect {
  readonly name: "sqlite" | "postgres";
  /**
   * Every value of one JSON array parameter, as a subquery: `x IN <this>` takes a list of any
   * length as one placeholder and one fixed statement text.
   */
  jsonArrayValues(kind: ArrayKind): string;
  /** Whether `needle` occurs in `haystack`, comparing exactly (no case folding, no wildcards). */
  contains(haystack: string, needle: string): string;
  /**
   * A condition that is true until the request's deadline and then stops the statement, placed
   * where a statement's work can multiply; undefined where the engine enforces deadlines itself.
   */
  readonly deadlineCheck?: string;
  /** Run first in the seeding transaction, so that seed rows may refer to rows seeded later. */
  readonly deferForeignKeys: string;
  /**
   * Run after rows were inserted with explicit ids (seeds, a reset), so that the next create in
   * each of the tables gets the id a new database would give.
   */
  idCounterStatements(keys: readonly TableKey[]): string[];
}

export interface Engine {
  readonly dialect: Dialect;
  /** Reads outside any transaction. */
  readonly reader: SqlSession;
  /**
   * Runs `work` in one write transaction: committed when it resolves, rolled back when it
   * rejects. Transactions of one server run one at a time; reads go on meanwhile.
   */
  transaction<T>(work: (writer: SqlSession) => Promise<T>, deadline: number): Promise<T>;
  close(): Promise<void>;
}

/**
 * `engine` stopping cleanly with work still in flight: a request answered at its deadline (or
 * whose client left) can still be resolving fields when the server closes, and its next
 * statement must fail as the contract says rather than with the driver's complaint about a
 * closed pool or a stopped worker. Once `close()` is called, new statements and transactions
 * are refused (DATABASE_UNAVAILABLE); those already running finish before the engine closes.
 */
export function closingGracefully(engine: Engine): Engine {
  let closing = false;
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(start: () => Promise<T>): Promise<T> => {
    if (closing) return Promise.reject(serverStopping());
    const running = start();
    const settled: Promise<unknown> = running.then(
      () => inFlight.delete(settled),
      () => inFlight.delete(settled),
    );
    inFlight.add(settled);
    return running;
  };
  const reader: SqlSession = {
    all: (statement, deadline) => track(() => engine.reader.all(statement, deadline)),
    run: (statement, deadline) => track(() => engine.reader.run(statement, deadline)),
    explain: (statement, deadline) => track(() => engine.reader.explain(statement, deadline)),
  };
  return {
    dialect: engine.dialect,
    reader,
    transaction: (work, deadline) => track(() => engine.transaction(work, deadline)),
    close: async () => {
      closing = true;
      while (inFlight.size > 0) await Promise.all(inFlight);
      await engine.close();
    },
  };
}
