/**
 * The one door every statement of a request goes through: it prepares each SQL text once per
 * connection, records the statements when the request asked for a trace, and runs writes in
 * one serialized transaction.
 */
import type { Database, RunResult, Statement } from "better-sqlite3";

export type SqlValue = string | number | bigint | null;

const preparedByConnection = new WeakMap<Database, Map<string, Statement>>();

export class SqlRunner {
  private readonly prepared: Map<string, Statement>;

  /** `statements`, when given, receives every SQL text run, in order. */
  constructor(
    readonly connection: Database,
    readonly statements?: string[],
  ) {
    let prepared = preparedByConnection.get(connection);
    if (!prepared) {
      prepared = new Map();
      preparedByConnection.set(connection, prepared);
    }
    this.prepared = prepared;
  }

  all<Row>(sql: string, params: readonly SqlValue[] = []): Row[] {
    return this.statement(sql).all(...params) as Row[];
  }

  get<Row>(sql: string, params: readonly SqlValue[] = []): Row | undefined {
    return this.statement(sql).get(...params) as Row | undefined;
  }

  run(sql: string, params: readonly SqlValue[] = []): RunResult {
    return this.statement(sql).run(...params);
  }

  /**
   * Runs `work` inside `BEGIN IMMEDIATE` ... `COMMIT`, rolling back if it throws. `work` is
   * synchronous, like better-sqlite3 itself, so no other request's statements can interleave:
   * that is what serializes write transactions on the single connection.
   */
  transaction<T>(work: () => T): T {
    this.exec("BEGIN IMMEDIATE");
    try {
      const result = work();
      this.exec("COMMIT");
      return result;
    } catch (error) {
      if (this.connection.inTransaction) this.exec("ROLLBACK");
      throw error;
    }
  }

  private exec(sql: string): void {
    this.statements?.push(sql);
    this.connection.exec(sql);
  }

  private statement(sql: string): Statement {
    this.statements?.push(sql);
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = this.connection.prepare(sql);
      this.prepared.set(sql, statement);
    }
    return statement;
  }
}
