/**
 * The server under test: exactly what `npm start` runs, on a fresh database of the engine under
 * test (seeded like a new one; see ./databases.ts), listening on a free port, spoken to over
 * HTTP with typed documents.
 */
import "reflect-metadata";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print, type GraphQLFormattedError } from "graphql";
import { configFromEnv, type PlaygroundConfig } from "../../src/server/config.js";
import { startPlayground, type PlaygroundServer } from "../../src/server/app.js";
import type { SqlValue } from "../../src/sql/engine.js";
import { postgresProblems, tableListSql, testDatabase, type TestDatabase } from "./databases.js";
import { databaseProblems } from "./fuzz.js";

export interface RequestOptions {
  /** Sends `x-playground-trace: 1`, so `sql` holds the statements the operation ran. */
  trace?: boolean;
  /** `false` sends `x-playground-batching: off`. */
  batching?: boolean;
  headers?: Record<string, string>;
}

export interface Response<TData> {
  status: number;
  headers: Headers;
  data?: TData | null;
  errors?: GraphQLFormattedError[];
  sql?: { count: number; statements: string[] };
}

export class TestPlayground {
  private constructor(
    readonly server: PlaygroundServer,
    private readonly database: TestDatabase | undefined,
  ) {}

  /** A `databaseUrl` in `overrides` is used as it is; otherwise the test gets a fresh database. */
  static async start(overrides: Partial<PlaygroundConfig> = {}): Promise<TestPlayground> {
    const database = overrides.databaseUrl === undefined ? await testDatabase() : undefined;
    const databaseUrl = overrides.databaseUrl ?? database!.url;
    const config = { ...configFromEnv({}), port: 0, host: "127.0.0.1", ...overrides, databaseUrl };
    try {
      return new TestPlayground(await startPlayground(config), database);
    } catch (error) {
      await database?.drop();
      throw error;
    }
  }

  get url(): string {
    return this.server.url;
  }

  async request<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
    options: RequestOptions = {},
  ): Promise<Response<TData>> {
    return this.post<TData>({ query: print(document), variables }, options);
  }

  /** A raw query string, for documents that are meant to be wrong. */
  async post<TData = Record<string, unknown>>(body: unknown, options: RequestOptions = {}): Promise<Response<TData>> {
    const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
    if (options.trace) headers["x-playground-trace"] = "1";
    if (options.batching === false) headers["x-playground-batching"] = "off";
    const response = await fetch(this.url, { method: "POST", headers, body: JSON.stringify(body) });
    const json = (await response.json()) as {
      data?: TData | null;
      errors?: GraphQLFormattedError[];
      extensions?: { sql?: Response<TData>["sql"] };
    };
    return {
      status: response.status,
      headers: response.headers,
      data: json.data,
      errors: json.errors,
      sql: json.extensions?.sql,
    };
  }

  /** Data of an operation that must succeed; its errors otherwise, to fail the test readably. */
  async data<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
    options?: RequestOptions,
  ): Promise<TData> {
    const response = await this.request(document, variables, options);
    if (response.errors || !response.data) {
      throw new Error(`expected data, got ${response.status}: ${JSON.stringify(response.errors)}`);
    }
    return response.data;
  }

  /** The `extensions.code` of the one error an operation must fail with. */
  async errorCode<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables?: TVariables) {
    const response = await this.request(document, variables);
    if (!response.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(response.data)}`);
    return { code: response.errors[0]!.extensions?.code, message: response.errors[0]!.message, response };
  }

  /** Reads the database directly, to check what a refused mutation did not write. */
  rows<Row>(sql: string, ...params: SqlValue[]): Promise<Row[]> {
    return this.server.engine.reader.all<Row>({ sql, params }, Infinity);
  }

  /** Runs one statement on the database directly, to change it under the server. */
  async exec(sql: string): Promise<void> {
    await this.server.engine.transaction((writer) => writer.run({ sql, params: [] }, Infinity), Infinity);
  }

  /** Every row of every table, each table's rows in a fixed order, to compare states. */
  async contents(): Promise<Record<string, string[]>> {
    const tables = await this.rows<{ name: string }>(tableListSql[this.server.engine.dialect.name]);
    const contents: Record<string, string[]> = {};
    for (const { name } of tables) {
      contents[name] = (await this.rows(`SELECT * FROM "${name}"`)).map((row) => JSON.stringify(row)).sort();
    }
    return contents;
  }

  /** What is unsound in the database itself; empty when sound. */
  problems(): Promise<string[]> {
    const read = (sql: string) => this.rows(sql);
    return this.server.engine.dialect.name === "sqlite" ? databaseProblems(read) : postgresProblems(read);
  }

  async close(): Promise<void> {
    await this.server.close();
    await this.database?.drop();
  }
}
