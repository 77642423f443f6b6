/** What every resolver of one request shares. */
import type { Catalog } from "../catalog.js";
import type { SqlRunner } from "../sql/runner.js";
import type { RequestLoaders } from "./loaders.js";

export interface ListLimits {
  /** Rows a list returns when the query gives no `limit`. */
  defaultLimit: number;
  /** The largest `limit` accepted; more is refused, never silently cut. */
  maxLimit: number;
}

export interface PlaygroundContext {
  catalog: Catalog;
  sql: SqlRunner;
  limits: ListLimits;
  /** False when the request sent `x-playground-batching: off`: one query per parent. */
  batching: boolean;
  /** True when the request sent `x-playground-trace: 1`, for `extensions.sql`. */
  trace: boolean;
  /** True when the request asked for `extensions.explain`. Either records its statements. */
  explain: boolean;
  /** This request's loaders and the rows it has read; emptied after each write. */
  loaders: RequestLoaders;
}
