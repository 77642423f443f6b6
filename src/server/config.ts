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
}

export interface PlaygroundConfig {
  /** 0 picks a free port (tests). */
  port: number;
  host: string;
  databaseUrl: string;
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

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): PlaygroundConfig {
  return {
    port: integer(env, "PORT", 4000),
    host: env.HOST ?? "localhost",
    databaseUrl: env.DATABASE_URL ?? "sqlite:data/playground.sqlite",
    limits: {
      defaultLimit: integer(env, "DEFAULT_LIMIT", 100),
      maxLimit: integer(env, "MAX_LIMIT", 1000),
    },
    queryLimits: {
      maxDepth: integer(env, "MAX_DEPTH", 10),
      maxAliases: integer(env, "MAX_ALIASES", 30),
      maxTokens: integer(env, "MAX_TOKENS", 2000),
      maxCost: integer(env, "MAX_COST", 100_000),
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
  };
}
