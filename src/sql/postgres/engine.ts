/**
 * The server engine: PostgreSQL through a `pg` pool. Reads go to any pooled connection outside
 * a transaction; a request's writes run in one transaction on one connection. Every statement
 * is stopped at the request's deadline by `statement_timeout`, and PostgreSQL's errors become
 * the contract's codes here and nowhere else.
 *
 * Isolation: READ COMMITTED, PostgreSQL's default. What must not race is guarded where it
 * happens rather than by serializable transactions, whose failures would make a client retry
 * ordinary writes: a link is inserted with ON CONFLICT DO NOTHING against the pair's primary
 * key, so two servers adding one link leave one row and both succeed; a unique value saved by
 * two servers at once fails the second's INSERT with a unique violation, answered CONFLICT.
 * Deadlocks and lock waits past the busy timeout roll the transaction back; it is run again a
 * few times, then answered DATABASE_BUSY.
 */
import pg from "pg";
import { badInput, conflict, databaseBusy, databaseFull, timeout } from "../../errors.js";
import {
  closingGracefully,
  type Dialect,
  type Engine,
  type SqlSession,
  type SqlValue,
  type Statement,
  type TableKey,
} from "../engine.js";
import { Queue } from "../queue.js";
import { rowObjects } from "../rows.js";
import { quote } from "../syntax.js";
import type { PostgresCredentials } from "./url.js";

/**
 * Rows inserted with explicit ids (the seed, fixtures) leave each table's id sequence behind:
 * these statements move it past the largest id, so that the next create gets a free one.
 */
export function idSequenceStatements(keys: readonly TableKey[]): string[] {
  return keys.map(
    ({ table, column }) =>
      `SELECT setval(pg_get_serial_sequence('${quote(table).replaceAll("'", "''")}', '${column.replaceAll("'", "''")}'), ` +
      `coalesce(max(${quote(column)}), 0) + 1, false) FROM ${quote(table)}`,
  );
}

export const postgresDialect: Dialect = {
  name: "postgres",
  // `bigint`, not the columns' `integer`: an id past the integer range then matches nothing
  // instead of failing the cast, and int4 = int8 still uses the index.
  jsonArrayValues: (kind) =>
    `(SELECT elements.value::${kind === "integer" ? "bigint" : kind} AS value ` +
    `FROM jsonb_array_elements_text(?::jsonb) AS elements(value))`,
  contains: (haystack, needle) => `strpos(${haystack}, ${needle}) > 0`,
  deferForeignKeys: "SET CONSTRAINTS ALL DEFERRED",
  idCounterStatements: idSequenceStatements,
};

export interface PostgresEngineOptions {
  credentials: PostgresCredentials;
  poolSize: number;
  /** How long a write waits for another transaction's lock (`lock_timeout`) before it is retried. */
  busyTimeoutMs: number;
  /** Statements each connection keeps prepared. */
  statementCacheSize: number;
}

/** Transactions rolled back by a deadlock or a lock wait run again this many times. */
const retries = 3;

const retriedStates = new Set([
  "40001", // serialization_failure
  "40P01", // deadlock_detected
  "55P03", // lock_not_available: lock_timeout
]);

/** `date` as the `YYYY-MM-DD` text SQLite stores, counts (`bigint`) as numbers, the rest as pg reads them. */
const types = {
  getTypeParser: (oid: number, format?: "text" | "binary") => {
    if (oid === pg.types.builtins.DATE) return (value: string) => value;
    if (oid === pg.types.builtins.INT8) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

export function postgresEngine(options: PostgresEngineOptions): Engine {
  const pool = new pg.Pool({
    ...options.credentials,
    user: options.credentials.username,
    max: options.poolSize,
    types,
  });
  // An idle connection that the server drops (a restart, a terminated backend) must not crash the process.
  pool.on("error", () => {});
  const timeouts = new StatementTimeouts();
  const prepared = new PreparedStatements(options.statementCacheSize);
  const transactions = new Queue();

  /**
   * One connection's session; `onFailure` hears of every statement that fails, with whether
   * running its transaction again can cure it.
   */
  function session(
    connection: <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>,
    set: "SET" | "SET LOCAL",
    onFailure: (error: Error, retry: boolean) => void = () => {},
  ): SqlSession {
    const send = (statement: Statement, deadline: number) =>
      connection(async (client) => {
        await timeouts.before(client, deadline, set);
        try {
          // Rows as arrays, made objects in ../rows.ts.
          return await client.query<unknown[]>({ ...prepared.named(client, toPostgres(statement)), rowMode: "array" });
        } catch (error) {
          const mapped = asPlaygroundError(error);
          onFailure(mapped, isRetried(error));
          throw mapped;
        }
      });
    return {
      all: async <Row>(statement: Statement, deadline: number) => {
        const { fields, rows } = await send(statement, deadline);
        return rowObjects(
          fields.map((field) => field.name),
          rows,
        ) as Row[];
      },
      run: async (statement, deadline) => ({ changes: (await send(statement, deadline)).rowCount ?? 0 }),
      explain: async (statement, deadline) => {
        const { rows } = await send({ ...statement, sql: `EXPLAIN ${statement.sql}` }, deadline);
        return rows.map(([line]) => line).join("\n");
      },
    };
  }

  async function onPooled<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      return await work(client);
    } finally {
      client.release(prepared.isOverflowing(client));
    }
  }

  /**
   * One run of a transaction's work. A failed statement aborts the whole transaction in
   * PostgreSQL, whatever `work` makes of the error, so the first failure decides the outcome.
   */
  function attempt<T>(work: (writer: SqlSession) => Promise<T>, deadline: number): Promise<T> {
    return onPooled(async (client) => {
      let failure: { error: Error; retry: boolean } | undefined;
      const onFailure = (error: Error, retry: boolean) => (failure ??= { error, retry });
      await client.query(`BEGIN; SET LOCAL lock_timeout = ${options.busyTimeoutMs}`);
      timeouts.beginTransaction(client);
      try {
        const result = await work(session((use) => use(client), "SET LOCAL", onFailure));
        if (failure) throw failure.error;
        // Past the deadline the request is answered TIMEOUT, so its writes must not stay.
        if (Date.now() > deadline) throw timeout();
        try {
          await client.query("COMMIT");
        } catch (error) {
          throw onFailure(asPlaygroundError(error), isRetried(error)).error;
        }
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw failure?.retry ? new RetryableFailure() : error;
      } finally {
        timeouts.endTransaction(client);
      }
    });
  }

  return closingGracefully({
    dialect: postgresDialect,
    reader: session(onPooled, "SET"),
    // One transaction of this server at a time, as on SQLite: requests of one server never wait
    // on each other's row locks, and only other servers' transactions can make one retry.
    transaction: (work, deadline) =>
      transactions.run(async () => {
        for (let tries = 1; ; tries++) {
          try {
            return await attempt(work, deadline);
          } catch (error) {
            if (!(error instanceof RetryableFailure)) throw error;
            if (tries > retries || Date.now() > deadline) throw databaseBusy();
            await new Promise((resolve) => setTimeout(resolve, 10 * tries + Math.random() * 40));
          }
        }
      }),
    close: () => pool.end(),
  });
}

/** A transaction rolled back by a deadlock or a lock wait, which running it again can cure. */
class RetryableFailure extends Error {}

function isRetried(error: unknown): boolean {
  return retriedStates.has((error as pg.DatabaseError).code ?? "");
}

function asPlaygroundError(error: unknown): Error {
  const { code, detail } = error as pg.DatabaseError;
  if (code === "57014") return timeout(); // query_canceled: statement_timeout
  if (code === "23505") {
    return conflict(`A unique rule would break: ${detail ?? "the value is taken"} Another request saved it first.`);
  }
  if (code === "53100") return databaseFull(); // disk_full
  // character_not_in_repertoire, untranslatable_character: PostgreSQL text cannot hold U+0000.
  if (code === "22021" || code === "22P05") {
    return badInput("Text may not contain the character U+0000; PostgreSQL cannot store it. Remove it and retry.");
  }
  if (code && retriedStates.has(code)) return databaseBusy();
  return error as Error;
}

/**
 * `?` placeholders as PostgreSQL's `$1`, `$2`, ... Whole numbers are sent as `bigint`, for the
 * same reason as the JSON arrays' values: an id past the integer range compares as no match.
 */
export function toPostgres({ sql, params }: Statement): pg.QueryConfig {
  let index = 0;
  // One native replace rather than a string grown character by character: that made a rope of
  // hundreds of pieces, which the prepared-statement lookup then had to flatten to hash it.
  const text = sql.replace(placeholderOrQuoted, (match) => {
    if (match !== "?") return match;
    const value = params[index++];
    return `$${index}${isWholeNumber(value) ? "::bigint" : ""}`;
  });
  return { text, values: params as SqlValue[] };
}

/** A `?` outside quotes, or a quoted literal or identifier (to its end, if unterminated), kept as it is. */
const placeholderOrQuoted = /\?|'[^']*(?:'|$)|"[^"]*(?:"|$)/g;

function isWholeNumber(value: SqlValue | undefined): boolean {
  return typeof value === "bigint" || (typeof value === "number" && Number.isInteger(value));
}

/**
 * Statements sent named, so that each connection parses and plans a statement text once rather
 * than on every run, as a hand-written server's prepared statements are. A connection keeps
 * what it prepared until it closes, and requests with new `where` shapes bring new texts
 * without end: a connection holding `perConnection` texts runs any other unnamed, and is then
 * closed when it is released, the pool opening a fresh one in its place. (pg has no way to
 * forget one prepared statement, which dropping the least recently used would need.) With
 * `perConnection` 0 nothing is prepared.
 */
class PreparedStatements {
  constructor(private readonly perConnection: number) {}

  private readonly names = new WeakMap<pg.PoolClient, Map<string, string>>();
  /** Connections that had to run a text unnamed: one full of texts that are all in use stays. */
  private readonly overflowing = new WeakSet<pg.PoolClient>();
  /** Names are never reused, so that no connection can mistake one text for another. */
  private count = 0;

  named(client: pg.PoolClient, query: pg.QueryConfig): pg.QueryConfig {
    if (this.perConnection === 0) return query;
    let names = this.names.get(client);
    if (!names) this.names.set(client, (names = new Map()));
    let name = names.get(query.text);
    if (name === undefined) {
      if (names.size >= this.perConnection) {
        this.overflowing.add(client);
        return query;
      }
      name = `playground_${++this.count}`;
      names.set(query.text, name);
    }
    return { ...query, name };
  }

  /** Whether the connection should be closed rather than go back to the pool. */
  isOverflowing(client: pg.PoolClient): boolean {
    return this.overflowing.has(client);
  }
}

/**
 * Each connection's `statement_timeout`, set only when it would let a statement run past the
 * deadline or stop it much before: the setting is a round trip, and most statements of a
 * request fit the one that the connection already has.
 */
class StatementTimeouts {
  private readonly session = new WeakMap<pg.PoolClient, number>();
  private readonly transaction = new WeakMap<pg.PoolClient, number>();

  beginTransaction(client: pg.PoolClient): void {
    this.transaction.set(client, this.session.get(client) ?? 0);
  }

  endTransaction(client: pg.PoolClient): void {
    this.transaction.delete(client);
  }

  async before(client: pg.PoolClient, deadline: number, set: "SET" | "SET LOCAL"): Promise<void> {
    const settings = set === "SET" ? this.session : this.transaction;
    // 0 is PostgreSQL's "no limit".
    const wanted = Number.isFinite(deadline) ? Math.max(1, deadline - Date.now()) : 0;
    const current = settings.get(client) ?? 0;
    const fits = wanted === 0 ? current === 0 : current !== 0 && current <= wanted && current >= wanted * 0.9;
    if (fits) return;
    await client.query(`${set} statement_timeout = ${wanted}`);
    settings.set(client, wanted);
  }
}
