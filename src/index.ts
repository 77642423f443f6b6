/**
 * The playground as a library, for test suites: a real server in the same process, on a free
 * port and a fresh in-memory database with the seed data, that a suite resets between tests.
 *
 *     import { startPlayground } from "graphql-relational-playground";
 *
 *     const playground = await startPlayground();
 *     await fetch(playground.url, { method: "POST", headers: { "content-type": "application/json" },
 *       body: JSON.stringify({ query: "{ people { name } }" }) });
 *     await playground.reset();
 *     await playground.close();
 */
import "reflect-metadata";
import { startPlayground as startServer } from "./server/app.js";
import { configFromEnv, type PlaygroundConfig } from "./server/config.js";

/**
 * What the server's environment variables set, named as those variables in camelCase
 * (`MAX_LIMIT` is `maxLimit`); the environment of the process is not read.
 */
export interface PlaygroundOptions {
  /** 0, the default, picks a free port; `url` tells which. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /**
   * Default `sqlite::memory:`, a new seeded database for each call. `sqlite:path/to/file.sqlite`
   * opens that file, creating and seeding it when it has no tables; `reset()` wipes it.
   */
  databaseUrl?: string;
  /**
   * A Django `models.py` to serve instead of the built-in models; a new database gets its
   * tables and no rows (on PostgreSQL only an empty one: the file has no migrations). One
   * process serves one models file.
   */
  models?: string;
  /** Django dumpdata JSON that seeds the new database (and `reset()`) instead of the seed rows. */
  fixtures?: string;
  /** Rows a list returns without `limit` (100). */
  defaultLimit?: number;
  /** The largest `limit` accepted (1000). */
  maxLimit?: number;
  /** Deepest nesting of fields, and of input objects within one argument (10). */
  maxDepth?: number;
  /** Aliased fields per operation (30). */
  maxAliases?: number;
  /** Size of a query in GraphQL tokens, its variables included (2000). */
  maxTokens?: number;
  /** Estimated rows an operation may ask for (100000). */
  maxCost?: number;
  /** Statements a request with `x-playground-batching: off` may run (1000). */
  maxStatements?: number;
  /** A request still running after this long is stopped and answered `TIMEOUT` (10000). */
  requestTimeoutMs?: number;
  /** Browser origins whose pages may write; local origins when left out. */
  allowedOrigins?: string[];
  /** Host names served besides the listening host and the local names. */
  allowedHosts?: string[];
  /** Larger request bodies get HTTP 413 (1000000). */
  maxBodyBytes?: number;
  /** Hides internal error details from responses, as `NODE_ENV=production` does (false). */
  production?: boolean;
  /** `false` turns off `__schema`, `__type` and "Did you mean" hints (true). */
  introspection?: boolean;
  /** Refuses every mutation with `FORBIDDEN` (false). */
  readOnly?: boolean;
  /** When set, mutations need `authorization: Bearer <token>`. */
  mutationToken?: string;
}

export interface Playground {
  /** Where the server answers GraphQL: `http://127.0.0.1:<port>/graphql`. */
  url: string;
  /** Brings the data back to the seed state, ids included, in one transaction. */
  reset(): Promise<void>;
  /** Stops taking requests, answers the ones in flight, then closes the database. */
  close(): Promise<void>;
}

export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const server = await startServer(configFor(options));
  return { url: server.url, reset: server.reset, close: server.close };
}

const listLimitOptions = ["defaultLimit", "maxLimit"] as const;
const queryLimitOptions = ["maxDepth", "maxAliases", "maxTokens", "maxCost", "maxStatements"] as const;
const serverOptions = [
  "port",
  "host",
  "databaseUrl",
  "models",
  "fixtures",
  "maxBodyBytes",
  "production",
  "introspection",
  "readOnly",
  "mutationToken",
  "requestTimeoutMs",
  "allowedOrigins",
  "allowedHosts",
] as const;
const knownOptions = new Set<string>([...listLimitOptions, ...queryLimitOptions, ...serverOptions]);

function configFor(options: PlaygroundOptions): PlaygroundConfig {
  // A misspelt limit would otherwise leave the default in force without a word.
  const unknown = Object.keys(options).filter((name) => !knownOptions.has(name));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown option ${unknown.join(", ")} of startPlayground; it takes ${[...knownOptions].join(", ")}`,
    );
  }
  const defaults: PlaygroundConfig = {
    ...configFromEnv({}),
    port: 0,
    host: "127.0.0.1",
    databaseUrl: "sqlite::memory:",
  };
  return {
    ...defaults,
    ...given(options, serverOptions),
    limits: { ...defaults.limits, ...given(options, listLimitOptions) },
    queryLimits: { ...defaults.queryLimits, ...given(options, queryLimitOptions) },
  };
}

/** The options among `names` that were given a value; an `undefined` keeps the default. */
function given<Name extends keyof PlaygroundOptions>(
  options: PlaygroundOptions,
  names: readonly Name[],
): Partial<Pick<PlaygroundOptions, Name>> {
  return Object.fromEntries(
    names.filter((name) => options[name] !== undefined).map((name) => [name, options[name]]),
  ) as Partial<Pick<PlaygroundOptions, Name>>;
}
