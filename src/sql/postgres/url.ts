/**
 * `DATABASE_URL` for PostgreSQL, read as any URL is: `postgres://user:password@host:port/database`
 * with the user and password percent-decoded (`p%40ss` is `p@ss`), and the one way a database URL
 * is shown to a person, with its password hidden.
 */
import { StartupError } from "../connection.js";

export interface PostgresCredentials {
  host: string;
  port: number;
  username: string;
  password: string;
  database: string;
}

const schemes = new Set(["postgres:", "postgresql:"]);

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** Refuses what it cannot connect with, naming the part that is wrong (never the password). */
export function parsePostgresUrl(url: string): PostgresCredentials {
  const refuse = (problem: string) =>
    new StartupError(
      `DATABASE_URL ${redactDatabaseUrl(url)}: ${problem}; expected postgres://user:password@host:port/database`,
    );
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse("not a URL");
  }
  if (!schemes.has(parsed.protocol)) throw refuse(`the scheme must be postgres: or postgresql:`);
  if (!parsed.hostname) throw refuse("no host");
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!database || database.includes("/")) throw refuse("no database name after the host");
  if (!parsed.username) throw refuse("no user");
  // The playground reads nothing else from the URL; an option it ignored (sslmode, schema) would
  // make it connect differently from what the URL says.
  const options = [...parsed.searchParams.keys()];
  if (options.length > 0) throw refuse(`options are not supported (${options.join(", ")})`);
  return {
    // WHATWG URL keeps the brackets of an IPv6 literal; the driver wants the bare address.
    host: parsed.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: parsed.port ? Number(parsed.port) : 5432,
    username: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database,
  };
}

/**
 * A database URL fit for messages and logs: `postgres://user:***@host:5432/db`. SQLite URLs hold
 * no secret and come back as they are, so every place that prints a URL can call this alone.
 */
export function redactDatabaseUrl(url: string): string {
  // By hand rather than with URL, so that a password left unencoded (`p@ss/w`), which makes the
  // URL malformed, is hidden too: everything from the user's colon to the last `@`.
  const match = /^([a-z][a-z0-9+.-]*:\/\/)(.*)$/is.exec(url);
  if (!match) return url;
  const scheme = match[1]!;
  const rest = match[2]!;
  const at = rest.lastIndexOf("@");
  const colon = rest.indexOf(":");
  if (at < 0 || colon < 0 || colon > at) return url;
  return `${scheme}${rest.slice(0, colon)}:***@${rest.slice(at + 1)}`;
}
