/**
 * The database each test gets, on the engine that `TEST_ENGINE` names: `sqlite` (the default), a
 * fresh in-memory database; `postgres`, a fresh database owned by the cluster's unprivileged
 * role. PostgreSQL comes from the cluster that `scripts/postgres-cluster.sh` exported
 * (`DATABASE_URL` and `POSTGRES_ADMIN_URL`, as `.ci/run` does for the whole suite) or, without
 * one, from a throwaway cluster that the script starts for this test process alone.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import type { Readable, Writable } from "node:stream";
import { createInterface } from "node:readline";
import pg from "pg";
import { projectFile } from "../../src/paths.js";
import { parsePostgresUrl } from "../../src/sql/postgres/url.js";

export type TestEngine = "sqlite" | "postgres";

function engineFromEnv(): TestEngine {
  const engine = process.env.TEST_ENGINE ?? "sqlite";
  if (engine !== "sqlite" && engine !== "postgres")
    throw new Error(`TEST_ENGINE must be sqlite or postgres, got "${engine}"`);
  return engine;
}

export const testEngine: TestEngine = engineFromEnv();

export interface TestDatabase {
  url: string;
  /** Removes the database; the server using it must be closed first. */
  drop(): Promise<void>;
}

export async function testDatabase(engine: TestEngine = testEngine): Promise<TestDatabase> {
  if (engine === "sqlite") return { url: "sqlite::memory:", drop: async () => {} };
  return postgresDatabase();
}

/**
 * Why PostgreSQL tests cannot run here, for `test(..., { skip })`: only on a machine without
 * PostgreSQL, and never in CI, where a missing server must fail the run.
 */
export const postgresUnavailable: string | false =
  !process.env.POSTGRES_ADMIN_URL && !process.env.CI && !hasInitdb()
    ? "PostgreSQL is not installed (apt-get install postgresql)"
    : false;

/** The playground's tables, as `{ name }` rows: SQLite's own and TypeORM's bookkeeping left out. */
export const tableListSql: Record<TestEngine, string> = {
  sqlite: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  postgres:
    "SELECT table_name AS name FROM information_schema.tables " +
    "WHERE table_schema = current_schema() AND table_name <> 'playground_migrations' ORDER BY table_name",
};

/**
 * PostgreSQL enforces every key and has no integrity check to run; what can go wrong is an id
 * sequence left behind the rows inserted with explicit ids, so that the next create collides.
 */
export async function postgresProblems(read: (sql: string) => Promise<unknown[]>): Promise<string[]> {
  const problems: string[] = [];
  const tables = (await read(
    "SELECT table_name AS name, pg_get_serial_sequence(quote_ident(table_name), 'id') AS sequence " +
      "FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'id'",
  )) as Array<{ name: string; sequence: string | null }>;
  for (const { name, sequence } of tables) {
    if (!sequence) continue;
    const [state] = (await read(
      `SELECT (SELECT max("id") FROM "${name}") AS largest, last_value, is_called FROM ${sequence}`,
    )) as Array<{ largest: number | null; last_value: number; is_called: boolean }>;
    const next = state!.is_called ? state!.last_value + 1 : state!.last_value;
    if (state!.largest !== null && next <= state!.largest) {
      problems.push(`${name}: the id sequence would hand out ${next}, but ids go up to ${state!.largest}`);
    }
  }
  return problems;
}

interface Cluster {
  /** The unprivileged role's URL; each test database is this URL with another database name. */
  roleUrl: string;
  adminUrl: string;
}

let cluster: Promise<Cluster> | undefined;
let databases = 0;

export async function postgresDatabase(): Promise<TestDatabase> {
  const { roleUrl, adminUrl } = await (cluster ??= clusterForTests());
  const name = `test_${process.pid}_${++databases}`;
  await asAdmin(adminUrl, `CREATE DATABASE ${name} OWNER "${parsePostgresUrl(roleUrl).username}" TEMPLATE template0`);
  const url = new URL(roleUrl);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => asAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function asAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function clusterForTests(): Promise<Cluster> {
  const { DATABASE_URL: roleUrl, POSTGRES_ADMIN_URL: adminUrl } = process.env;
  if (roleUrl && adminUrl) return Promise.resolve({ roleUrl, adminUrl });
  return startCluster();
}

/**
 * The script keeps its cluster until its input ends; this process holds that input open and
 * lets go of it only by exiting, so the cluster goes away with the tests, however they end.
 */
function startCluster(): Promise<Cluster> {
  const script = spawn(projectFile("scripts", "postgres-cluster.sh"), [], { stdio: ["pipe", "pipe", "pipe"] });
  let errors = "";
  script.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    const found: Partial<Cluster> = {};
    const lines = createInterface({ input: script.stdout });
    lines.on("line", (line) => {
      const [name, value] = [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)];
      if (name === "DATABASE_URL") found.roleUrl = value;
      if (name === "POSTGRES_ADMIN_URL") found.adminUrl = value;
      if (found.roleUrl && found.adminUrl) {
        for (const stream of [script.stdin, script.stdout, script.stderr] as Array<Writable | Readable>) {
          (stream as unknown as { unref(): void }).unref();
        }
        script.unref();
        resolve(found as Cluster);
      }
    });
    script.on("exit", (code) => reject(new Error(`scripts/postgres-cluster.sh exited with ${code}: ${errors}`)));
  });
}

function hasInitdb(): boolean {
  if (process.env.PG_BIN) return existsSync(`${process.env.PG_BIN}/initdb`);
  const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql") : [];
  return versions.some((version) => existsSync(`/usr/lib/postgresql/${version}/bin/initdb`));
}

/** Words every plan of the engine has, and how a bound JSON array of keys reads with its value written in. */
export const explainText: Record<TestEngine, { plan: RegExp; keys: RegExp }> = {
  sqlite: { plan: /SCAN|SEARCH/, keys: /json_each\('\[1,2\]'\)/ },
  postgres: { plan: /Scan/, keys: /jsonb_array_elements_text\('\[1,2\]'::jsonb\)/ },
};
