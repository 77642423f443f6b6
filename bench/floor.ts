/**
 * The floor: the bench's read documents answered by hand, as fast as this stack allows without
 * GraphQL. Each document gets the statements a careful person would write (prepared once, the
 * same number the playground batches into, with the same per-parent limit), plain objects and
 * `JSON.stringify`. The bench runs it beside the playground and reports each workload as a
 * ratio to it, on each engine: the statements are written once, spelled for the engine by the
 * playground's own dialect, and run by better-sqlite3 on the main thread or by a `pg` pool of
 * the playground's size as named (prepared) statements.
 *
 * `node dist/bench/floor.js <database url>`, listening on `PORT` (0: a free one).
 */
import Database from "better-sqlite3";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { configFromEnv } from "../src/server/config.js";
import { traceHeader } from "../src/server/trace.js";
import { databasePath } from "../src/sql/connection.js";
import type { Dialect, SqlValue } from "../src/sql/engine.js";
import { postgresDialect, toPostgres } from "../src/sql/postgres/engine.js";
import { isPostgresUrl, parsePostgresUrl } from "../src/sql/postgres/url.js";
import { sqliteDialect } from "../src/sql/sqlite/engine.js";
import {
  authorNamePrefix,
  filteredRootAuthors,
  filteredRootList,
  manyToManyBothWays,
  nestedOneToMany,
} from "./workloads.js";

type Trace = string[] | undefined;
type Answer = (trace: Trace) => Promise<unknown>;
/** A statement prepared once; running it records its text when the request asked for a trace. */
type Query<Row> = (trace: Trace, ...params: SqlValue[]) => Promise<Row[]>;

interface FloorDatabase {
  dialect: Dialect;
  prepare<Row>(sql: string): Query<Row>;
}

interface NamedRow {
  id: number;
  name: string;
}

const config = configFromEnv(process.env);
/** The playground's default `limit`, which its nested lists apply to each parent. */
const perParentLimit = config.limits.defaultLimit;

function sqliteFloor(file: string): FloorDatabase {
  const connection = new Database(file, { fileMustExist: true });
  return {
    dialect: sqliteDialect,
    prepare: <Row>(sql: string) => {
      const statement = connection.prepare(sql);
      return async (trace: Trace, ...params: SqlValue[]) => {
        trace?.push(sql);
        return statement.all(...params) as Row[];
      };
    },
  };
}

function postgresFloor(url: string): FloorDatabase {
  const credentials = parsePostgresUrl(url);
  const pool = new pg.Pool({ ...credentials, user: credentials.username, max: config.engine.poolSize });
  let statements = 0;
  return {
    dialect: postgresDialect,
    prepare: <Row>(sql: string) => {
      // Without sample values no placeholder gets the `::bigint` of whole numbers: each takes
      // the type its place gives it, the same for every request, as a named statement must.
      const { text } = toPostgres({ sql, params: [] });
      const name = `floor_${++statements}`;
      return async (trace: Trace, ...params: SqlValue[]) => {
        trace?.push(text);
        return (await pool.query({ name, text, values: params })).rows as Row[];
      };
    },
  };
}

function groupBy<Row>(rows: Row[], key: (row: Row) => number): Map<number, Row[]> {
  const groups = new Map<number, Row[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

function idList(ids: Iterable<number>): string {
  return JSON.stringify([...new Set(ids)]);
}

function answers({ dialect, prepare }: FloorDatabase): Map<string, Answer> {
  const ids = dialect.jsonArrayValues("integer");
  /** Rows of a many-to-many relation for a batch of parents, at most `perParentLimit` each. */
  const linkedRows = (target: string, parentColumn: string, targetColumn: string) =>
    `SELECT id, name, parent FROM (SELECT r.id, r.name, l.${parentColumn} AS parent, ` +
    `ROW_NUMBER() OVER (PARTITION BY l.${parentColumn} ORDER BY r.id) AS n ` +
    `FROM course_students l JOIN ${target} r ON r.id = l.${targetColumn} ` +
    `WHERE l.${parentColumn} IN ${ids}) AS numbered WHERE n <= ? ORDER BY parent, n`;

  const authorsById = prepare<NamedRow>(`SELECT id, name FROM author WHERE id IN ${ids}`);

  const firstAuthors = prepare<NamedRow>("SELECT id, name FROM author ORDER BY id LIMIT ?");
  const booksOfAuthors = prepare<{ id: number; title: string; author_id: number }>(
    "SELECT id, title, author_id FROM (SELECT id, title, author_id, " +
      "ROW_NUMBER() OVER (PARTITION BY author_id ORDER BY id) AS n FROM book " +
      `WHERE author_id IN ${ids}) AS numbered WHERE n <= ? ORDER BY author_id, n`,
  );
  /** Workload 1's books and their authors under whichever root authors were read. */
  const authorsWithBooks = async (trace: Trace, authors: NamedRow[]) => {
    const books = await booksOfAuthors(trace, idList(authors.map((author) => author.id)), perParentLimit);
    const bookAuthors = new Map(
      (await authorsById(trace, idList(books.map((book) => book.author_id)))).map((author) => [
        author.id,
        { id: String(author.id), name: author.name },
      ]),
    );
    const booksByAuthor = groupBy(books, (book) => book.author_id);
    return {
      authors: authors.map((author) => ({
        id: String(author.id),
        name: author.name,
        bookSet: (booksByAuthor.get(author.id) ?? []).map((book) => ({
          id: String(book.id),
          title: book.title,
          author: bookAuthors.get(book.author_id),
        })),
      })),
    };
  };
  const nestedOneToManyAnswer: Answer = async (trace) => authorsWithBooks(trace, await firstAuthors(trace, 100));

  const authorsByPrefix = prepare<NamedRow>(
    "SELECT id, name FROM author WHERE substr(name, 1, length(?)) = ? ORDER BY id LIMIT ?",
  );
  const filteredRootAnswer: Answer = async (trace) =>
    authorsWithBooks(trace, await authorsByPrefix(trace, authorNamePrefix, authorNamePrefix, 100));

  const firstCourses = prepare<NamedRow>("SELECT id, name FROM course ORDER BY id LIMIT ?");
  const studentsOfCourses = prepare<NamedRow & { parent: number }>(linkedRows("student", "course_id", "student_id"));
  const coursesOfStudents = prepare<NamedRow & { parent: number }>(linkedRows("course", "student_id", "course_id"));
  const manyToManyAnswer: Answer = async (trace) => {
    const courses = await firstCourses(trace, 50);
    const students = await studentsOfCourses(trace, idList(courses.map((course) => course.id)), perParentLimit);
    const courseSets = groupBy(
      await coursesOfStudents(trace, idList(students.map((student) => student.id)), perParentLimit),
      (course) => course.parent,
    );
    const studentsByCourse = groupBy(students, (student) => student.parent);
    return {
      courses: courses.map((course) => ({
        name: course.name,
        students: (studentsByCourse.get(course.id) ?? []).map((student) => ({
          name: student.name,
          courseSet: (courseSets.get(student.id) ?? []).map((taken) => ({ name: taken.name })),
        })),
      })),
    };
  };

  const booksByAuthorPrefix = prepare<{ id: number; title: string; author_id: number }>(
    "SELECT b.id, b.title, b.author_id FROM book b JOIN author a ON a.id = b.author_id " +
      "WHERE substr(a.name, 1, length(?)) = ? ORDER BY b.title DESC, b.id LIMIT ?",
  );
  const filteredListAnswer: Answer = async (trace) => {
    const books = await booksByAuthorPrefix(trace, authorNamePrefix, authorNamePrefix, 100);
    const authors = new Map(
      (await authorsById(trace, idList(books.map((book) => book.author_id)))).map((author) => [author.id, author]),
    );
    return {
      books: books.map((book) => ({
        id: String(book.id),
        title: book.title,
        author: { name: authors.get(book.author_id)!.name },
      })),
    };
  };

  return new Map([
    [nestedOneToMany.query, nestedOneToManyAnswer],
    [manyToManyBothWays.query, manyToManyAnswer],
    [filteredRootList.query, filteredListAnswer],
    [filteredRootAuthors.query, filteredRootAnswer],
  ]);
}

const url = process.argv[2];
if (!url) throw new Error("usage: node dist/bench/floor.js <database url>");
const answerFor = answers(isPostgresUrl(url) ? postgresFloor(url) : sqliteFloor(databasePath(url)));

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const { query: document } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { query: string };
    const answer = answerFor.get(document);
    const json = { "content-type": "application/json; charset=utf-8" };
    if (!answer) {
      response.writeHead(400, json);
      response.end(JSON.stringify({ errors: [{ message: "The floor answers only the bench's read documents." }] }));
      return;
    }
    const trace: Trace = request.headers[traceHeader] === "1" ? [] : undefined;
    answer(trace).then(
      (data) => {
        response.writeHead(200, json);
        response.end(
          JSON.stringify(trace ? { data, extensions: { sql: { count: trace.length, statements: trace } } } : { data }),
        );
      },
      (error: unknown) => {
        response.writeHead(500, json);
        response.end(JSON.stringify({ errors: [{ message: String(error) }] }));
      },
    );
  });
});
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? "127.0.0.1", () => {
  const { address, port } = server.address() as AddressInfo;
  console.log(`Floor ready at http://${address}:${port}/graphql`);
});
