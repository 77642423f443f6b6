/**
 * A scaled copy of the many-to-one and many-to-many examples for the bench: the playground's own
 * schema (created by TypeORM, as `npm run seed` does), filled with generated rows.
 */
import Database from "better-sqlite3";
import { defaultEngineOptions, openDatabase } from "../src/sql/connection.js";

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

/** Replaces `file` with a freshly seeded database; `progress` hears the fraction done. */
export async function seedScaled(file: string, scale: Scale, progress: (done: number) => void): Promise<void> {
  const { engine } = await openDatabase(`sqlite:${file}`, { ...defaultEngineOptions, recreate: true, seed: false });
  await engine.close();
  const connection = new Database(file);
  try {
    fill(connection, scale, progress);
  } finally {
    connection.close();
  }
}

function fill(connection: Database.Database, scale: Scale, progress: (done: number) => void): void {
  const total = scale.authors * (1 + scale.booksPerAuthor) + scale.courses + scale.students;
  let done = 0;
  const step = Math.max(1, Math.floor(total / 100));
  progress(0);
  const inserted = () => {
    if (++done % step === 0 || done === total) progress(done / total);
  };
  const insertAuthor = connection.prepare('INSERT INTO "author" ("id", "name") VALUES (?, ?)');
  const insertBook = connection.prepare('INSERT INTO "book" ("id", "title", "author_id") VALUES (?, ?, ?)');
  const insertCourse = connection.prepare('INSERT INTO "course" ("id", "name") VALUES (?, ?)');
  const insertStudent = connection.prepare('INSERT INTO "student" ("id", "name") VALUES (?, ?)');
  const insertLink = connection.prepare('INSERT INTO "course_students" ("course_id", "student_id") VALUES (?, ?)');
  connection.transaction(() => {
    let bookId = 0;
    for (let authorId = 1; authorId <= scale.authors; authorId++) {
      insertAuthor.run(authorId, `Author ${authorId}`);
      inserted();
      for (let i = 0; i < scale.booksPerAuthor; i++) {
        bookId++;
        insertBook.run(bookId, bookTitle(bookId), authorId);
        inserted();
      }
    }
    for (let courseId = 1; courseId <= scale.courses; courseId++) {
      insertCourse.run(courseId, `Course ${courseId}`);
      inserted();
    }
    for (let studentId = 1; studentId <= scale.students; studentId++) {
      insertStudent.run(studentId, `Student ${studentId}`);
      for (const courseId of coursesOf(studentId, scale)) insertLink.run(courseId, studentId);
      inserted();
    }
  })();
}
