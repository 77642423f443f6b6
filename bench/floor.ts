/**
 * The floor: the bench's read documents answered by hand, as fast as this stack allows without
 * GraphQL. Each document gets the statements a careful person would write (prepared once, the
 * same number the playground batches into, with the same per-parent limit), plain objects and
 * `JSON.stringify`. The bench runs it beside the playground and reports each workload as a
 * ratio to it.
 *
 * `node dist/bench/floor.js <database file>`, listening on `PORT` (0: a free one).
 */
import Database, { type Database as Connection } from "better-sqlite3";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { configFromEnv } from "../src/server/config.js";
import { traceHeader } from "../src/server/trace.js";
import { authorNamePrefix, filteredRootList, manyToManyBothWays, nestedOneToMany } from "./workloads.js";

type Trace = string[] | undefined;
type Answer = (trace: Trace) => unknown;

interface NamedRow {
  id: number;
  name: string;
}

/** The playground's default `limit`, which its nested lists apply to each parent. */
const perParentLimit = configFromEnv({}).limits.defaultLimit;

/** A statement prepared once; running it records its text when the request asked for a trace. */
function query<Row>(connection: Connection, sql: string): (trace: Trace, ...params: unknown[]) => Row[] {
  const statement = connection.prepare(sql);
  return (trace, ...params) => {
    trace?.push(sql);
    return statement.all(...params) as Row[];
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

/** Rows of a many-to-many relation for a batch of parents, at most `perParentLimit` each. */
function linkedRows(target: string, parentColumn: string, targetColumn: string): string {
  return (
    `SELECT id, name, parent FROM (SELECT r.id, r.name, l.${parentColumn} AS parent, ` +
    `ROW_NUMBER() OVER (PARTITION BY l.${parentColumn} ORDER BY r.id) AS n ` +
    `FROM course_students l JOIN ${target} r ON r.id = l.${targetColumn} ` +
    `WHERE l.${parentColumn} IN (SELECT value FROM json_each(?))) WHERE n <= ? ORDER BY parent, n`
  );
}

function answers(connection: Connection): Map<string, Answer> {
  const authorsById = query<NamedRow>(
    connection,
    "SELECT id, name FROM author WHERE id IN (SELECT value FROM json_each(?))",
  );

  const firstAuthors = query<NamedRow>(connection, "SELECT id, name FROM author ORDER BY id LIMIT ?");
  const booksOfAuthors = query<{ id: number; title: string; author_id: number }>(
    connection,
    "SELECT id, title, author_id FROM (SELECT id, title, author_id, " +
      "ROW_NUMBER() OVER (PARTITION BY author_id ORDER BY id) AS n FROM book " +
      "WHERE author_id IN (SELECT value FROM json_each(?))) WHERE n <= ? ORDER BY author_id, n",
  );
  const nestedOneToManyAnswer: Answer = (trace) => {
    const authors = firstAuthors(trace, 100);
    const books = booksOfAuthors(trace, idList(authors.map((author) => author.id)), perParentLimit);
    const bookAuthors = new Map(
      authorsById(trace, idList(books.map((book) => book.author_id))).map((author) => [
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

  const firstCourses = query<NamedRow>(connection, "SELECT id, name FROM course ORDER BY id LIMIT ?");
  const studentsOfCourses = query<NamedRow & { parent: number }>(
    connection,
    linkedRows("student", "course_id", "student_id"),
  );
  const coursesOfStudents = query<NamedRow & { parent: number }>(
    connection,
    linkedRows("course", "student_id", "course_id"),
  );
  const manyToManyAnswer: Answer = (trace) => {
    const courses = firstCourses(trace, 50);
    const students = studentsOfCourses(trace, idList(courses.map((course) => course.id)), perParentLimit);
    const courseSets = groupBy(
      coursesOfStudents(trace, idList(students.map((student) => student.id)), perParentLimit),
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

  const booksByAuthorPrefix = query<{ id: number; title: string; author_id: number }>(
    connection,
    "SELECT b.id, b.title, b.author_id FROM book b JOIN author a ON a.id = b.author_id " +
      "WHERE substr(a.name, 1, length(?)) = ? ORDER BY b.title DESC, b.id LIMIT ?",
  );
  const filteredListAnswer: Answer = (trace) => {
    const books = booksByAuthorPrefix(trace, authorNamePrefix, authorNamePrefix, 100);
    const authors = new Map(
      authorsById(trace, idList(books.map((book) => book.author_id))).map((author) => [author.id, author]),
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
  ]);
}

const file = process.argv[2];
if (!file) throw new Error("usage: node dist/bench/floor.js <database file>");
const answerFor = answers(new Database(file, { fileMustExist: true }));

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
    const data = answer(trace);
    response.writeHead(200, json);
    response.end(
      JSON.stringify(trace ? { data, extensions: { sql: { count: trace.length, statements: trace } } } : { data }),
    );
  });
});
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? "127.0.0.1", () => {
  const { address, port } = server.address() as AddressInfo;
  console.log(`Floor ready at http://${address}:${port}/graphql`);
});
