/** The server's settings, read from the environment once at start. */
import type { ListLimits } from "../graphql/context.js";
import { defaultEngineOptions, type EngineOptions } from "../sql/connection.js";

/** What one operation may ask for; anything over is refused before any SQL runs. */
export interface QueryLimits {
  /** Deepest nesting of fields, and of input objects within one argument. */
  maxDepth: number;
  maxAliases: number;
  /** Lexical tokens of the document plus the tokens its variables would take written inline. */
  maxTokens: number;
  /** Estimated rows: every list counts its `limit` (or the default) times the lists around it. */
  maxCost: number;
  /** Statements a request without batching may run, estimated one per parent row of each relation. */
  maxStatements: number;
}

export interface PlaygroundConfig {
  /** 0 picks a free port (tests). */
  port: number;
  host: string;
  databaseUrl: string;
  /** A Django `models.py` to serve instead of the built-in models (one per process). */
  models: string | undefined;
  /** Django dumpdata JSON that seeds a new database instead of `seeds/`. */
  fixtures: string | undefined;
  limits: ListLimits;
  queryLimits: QueryLimits;
  /** Largest request body accepted, in bytes; more gets HTTP 413. */
  maxBodyBytes: number;
  /** Hides internal error details (stack traces, SQL) from responses; they go to the log. */
  production: boolean;
  introspection: boolean;
  /** Refuses every mutation with FORBIDDEN. */
  readOnly: boolean;
  /** When set, mutations need `authorization: Bearer <token>`. */
  mutationToken: string | undefined;
  /** A request still running after this long is stopped and answered TIMEOUT. */
  requestTimeoutMs: number;
  engine: EngineOptions;
  /**
   * Browser origins whose pages may write (`*` for any); undefined leaves it to local origins
   * (`localhost`, `127.0.0.1`, `[::1]`, any port). Every origin may read.
   */
  allowedOrigins: string[] | undefined;
  /** Host names served besides the listening host and the local names (`*` for any). */
  allowedHosts: string[];
  /** A connection that sends no complete request for this long is closed. */
  idleTimeoutMs: number;
  /** Operations kept compiled, the most recently used ones. */
  maxCompiledDocuments: number;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

const switchWords: Record<string, boolean> = {
  1: true,
  true: true,
  yes: true,
  on: true,
  0: false,
  false: false,
  no: false,
  off: false,
};

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = switchWords[raw.toLowerCase()];
  if (value === undefined) throw new Error(`${name} must be 1 or 0 (or true/false, yes/no, on/off), got "${raw}"`);
  return value;
}

/** A comma-separated list, blanks dropped; undefined when the variable is unset or empty. */
function list(env: NodeJS.ProcessEnv, name: string): string[] | undefined {
  const items = (env[name] ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  return items.length > 0 ? items : undefined;
}

/** Origins as browsers send them (`https://example.com:8443`), so that they compare as text. */
function origins(env: NodeJS.ProcessEnv, name: string): string[] | undefined {
  return list(env, name)?.map((item) => {
    if (item === "*") return item;
    const origin = URL.canParse(item) ? new URL(item).origin : "null";
    if (origin === "null") throw new Error(`${name} must list origins such as https://example.com, got "${item}"`);
    return origin;
  });
}

/** Host names as the `Host` header carries them, without a port (`[::1]` for IPv6). */
function hostnames(env: NodeJS.ProcessEnv, name: string): string[] | undefined {
  return list(env, name)?.map((item) => {
    if (item === "*") return item;
    const hostname = hostnameOf(item);
    if (hostname === undefined) throw new Error(`${name} must list host names such as example.com, got "${item}"`);
    return hostname;
  });
}

/** The host name in a `Host` header or a listening address; undefined when it is none. */
export function hostnameOf(host: string): string | undefined {
  if (!/^[\w.\-:[\]]+$/.test(host)) return undefined;
  // A bare IPv6 address, as HOST may give it, has no brackets.
  const bracketed = host.includes(":") && !host.startsWith("[") && host.indexOf(":") !== host.lastIndexOf(":");
  const url = `http://${bracketed ? `[${host}]` : host}`;
  return URL.canParse(url) ? new URL(url).hostname : undefined;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): PlaygroundConfig {
  return {
    port: integer(env, "PORT", 4000),
    host: env.HOST ?? "localhost",
    databaseUrl: env.DATABASE_URL ?? "sqlite:data/playground.sqlite",
    models: env.MODELS || undefined,
    fixtures: env.FIXTURES || undefined,
    limits: {
      defaultLimit: integer(env, "DEFAULT_LIMIT", 100),
      maxLimit: integer(env, "MAX_LIMIT", 1000),
    },
    queryLimits: {
      maxDepth: integer(env, "MAX_DEPTH", 10),
      maxAliases: integer(env, "MAX_ALIASES", 30),
      maxTokens: integer(env, "MAX_TOKENS", 2000),
      maxCost: integer(env, "MAX_COST", 100_000),
      maxStatements: integer(env, "MAX_STATEMENTS", 1000),
    },
    maxBodyBytes: integer(env, "MAX_BODY_BYTES", 1_000_000),
    production: env.NODE_ENV === "production",
    // A playground is for exploring: the schema stays visible unless switched off.
    introspection: flag(env, "INTROSPECTION", true),
    readOnly: flag(env, "READ_ONLY", false),
    mutationToken: env.MUTATION_TOKEN || undefined,
    requestTimeoutMs: integer(env, "REQUEST_TIMEOUT_MS", 10_000),
    engine: {
      busyTimeoutMs: integer(env, "BUSY_TIMEOUT_MS", defaultEngineOptions.busyTimeoutMs),
      statementCacheSize: integer(env, "STATEMENT_CACHE_SIZE", defaultEngineOptions.statementCacheSize),
      poolSize: integer(env, "DATABASE_POOL_SIZE", defaultEngineOptions.poolSize),
    },
    allowedOrigins: origins(env, "ALLOWED_ORIGINS"),
    allowedHosts: hostnames(env, "ALLOWED_HOSTS") ?? [],
    idleTimeoutMs: integer(env, "IDLE_TIMEOUT_MS", 10_000),
    maxCompiledDocuments: integer(env, "MAX_COMPILED_DOCUMENTS", 100),
  };
}
