/**
 * A scaled copy of the many-to-one and many-to-many examples for the bench: the playground's own
 * schema (created as `npm run seed` does, on either engine), filled with generated rows through
 * the playground's engine, so that both engines get the same rows by the same statements.
 */
import { defaultEngineOptions, openDatabase } from "../src/sql/connection.js";
import type { SqlSession, SqlValue } from "../src/sql/engine.js";
import { quote } from "../src/sql/syntax.js";

export interface Scale {
  authors: number;
  booksPerAuthor: number;
  students: number;
  courses: number;
  coursesPerStudent: number;
}

/** Book titles are scattered so that ordering by title is real work, ties included. */
function bookTitle(bookId: number): string {
  return `Book ${(bookId * 7919) % 10007}`;
}

/**
 * Student `s` takes courses spread evenly over all of them, so that every course gets about the
 * same number of students.
 */
function coursesOf(studentId: number, scale: Scale): number[] {
  const taken = Math.min(scale.coursesPerStudent, scale.courses);
  const stride = Math.floor(scale.courses / taken);
  return Array.from({ length: taken }, (_, i) => ((studentId - 1 + i * stride) % scale.courses) + 1);
}

/** Rows of one table, as its columns and one array of values per row. */
interface TableRows {
  table: string;
  columns: string[];
  rows: SqlValue[][];
}

function scaledRows(scale: Scale): TableRows[] {
  const authors: SqlValue[][] = [];
  const books: SqlValue[][] = [];
  for (let authorId = 1; authorId <= scale.authors; authorId++) {
    authors.push([authorId, `Author ${authorId}`]);
    for (let i = 0; i < scale.booksPerAuthor; i++) {
      const bookId = books.length + 1;
      books.push([bookId, bookTitle(bookId), authorId]);
    }
  }
  const courses = Array.from({ length: scale.courses }, (_, i) => [i + 1, `Course ${i + 1}`]);
  const students = Array.from({ length: scale.students }, (_, i) => [i + 1, `Student ${i + 1}`]);
  const links = students.flatMap(([studentId]) =>
    coursesOf(studentId as number, scale).map((courseId) => [courseId, studentId!]),
  );
  return [
    { table: "author", columns: ["id", "name"], rows: authors },
    { table: "book", columns: ["id", "title", "author_id"], rows: books },
    { table: "course", columns: ["id", "name"], rows: courses },
    { table: "student", columns: ["id", "name"], rows: students },
    { table: "course_students", columns: ["course_id", "student_id"], rows: links },
  ];
}

/** Rows per INSERT: few statements, and well under either engine's limit on parameters. */
const rowsPerStatement = 500;

/** Replaces the database at `url` with a freshly seeded one; `progress` hears the fraction done. */
export async function seedScaled(url: string, scale: Scale, progress: (done: number) => void): Promise<void> {
  const { engine } = await openDatabase(url, { ...defaultEngineOptions, recreate: true, seed: false });
  try {
    const tables = scaledRows(scale);
    const total = tables.reduce((sum, { rows }) => sum + rows.length, 0);
    progress(0);
    await engine.transaction(async (writer: SqlSession) => {
      let done = 0;
      for (const { table, columns, rows } of tables) {
        for (let start = 0; start < rows.length; start += rowsPerStatement) {
          const chunk = rows.slice(start, start + rowsPerStatement);
          const row = `(${columns.map(() => "?").join(", ")})`;
          await writer.run(
            {
              sql: `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES ${chunk.map(() => row).join(", ")}`,
              params: chunk.flat(),
            },
            Infinity,
          );
          done += chunk.length;
          progress(done / total);
        }
      }
      // Workload 4 creates books: their ids must follow the seeded ones on every engine.
      const withIds = tables.filter(({ columns }) => columns[0] === "id").map(({ table }) => ({ table, column: "id" }));
      for (const sql of engine.dialect.idCounterStatements(withIds)) {
        await writer.run({ sql, params: [] }, Infinity);
      }
    }, Infinity);
  } finally {
    await engine.close();
  }
}
