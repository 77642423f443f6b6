/**
 * The one door every statement of a request goes through: it sends each statement to the
 * engine with the request's deadline, records the statements when the request asked to see
 * them, and, inside the request's transaction, sends every statement to the writer so that
 * reads see the request's own writes.
 */
import { performance } from "node:perf_hooks";
import { timeout } from "../errors.js";
import type { Dialect, Engine, RunResult, SqlSession, SqlValue, Statement } from "./engine.js";

export type { SqlValue } from "./engine.js";

/** A statement as run, for the trace and the explain output. */
export interface RanStatement extends Statement {
  /** Which field (and level) ran it: `Manufacturer.carSet (level 2)`. */
  title: string;
  durationMs: number;
}

export class SqlRunner {
  private session: SqlSession;
  private inTransaction = false;

  /** `ran`, when given, receives every statement run, in order. */
  constructor(
    readonly engine: Engine,
    readonly deadline = Infinity,
    readonly ran?: RanStatement[],
  ) {
    this.session = engine.reader;
  }

  get dialect(): Dialect {
    return this.engine.dialect;
  }

  all<Row>(sql: string, params: readonly SqlValue[] = [], title = ""): Promise<Row[]> {
    return this.timed({ sql, params }, title, () => this.session.all<Row>({ sql, params }, this.deadline));
  }

  async get<Row>(sql: string, params: readonly SqlValue[] = [], title = ""): Promise<Row | undefined> {
    return (await this.all<Row>(sql, params, title))[0];
  }

  run(sql: string, params: readonly SqlValue[] = [], title = ""): Promise<RunResult> {
    return this.timed({ sql, params }, title, () => this.session.run({ sql, params }, this.deadline));
  }

  /**
   * Runs `work` in one transaction, or within the one already open: a request's mutations all
   * commit together or not at all.
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    return this.engine.transaction(async (writer) => {
      this.session = writer;
      this.inTransaction = true;
      try {
        return await work();
      } finally {
        this.session = this.engine.reader;
        this.inTransaction = false;
      }
    }, this.deadline);
  }

  private async timed<T>(statement: Statement, title: string, send: () => Promise<T>): Promise<T> {
    // Past the deadline nothing more is sent: the request is being answered with TIMEOUT.
    if (Date.now() > this.deadline) throw timeout();
    if (!this.ran) return send();
    // Recorded when sent, so the trace keeps the order the statements were issued in.
    const entry: RanStatement = { ...statement, title, durationMs: 0 };
    this.ran.push(entry);
    const started = performance.now();
    try {
      return await send();
    } finally {
      entry.durationMs = performance.now() - started;
    }
  }
}
