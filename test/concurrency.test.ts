/**
 * 50 clients at once add, remove and set the links of one course to an overlapping set of
 * students, from both sides of the relation, and create students. Writes are serialized
 * transactions, so the end state must be one that some order of the acknowledged operations
 * produces: checked student by student against the operations that may have committed last.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import {
  CourseRosterDocument,
  DropStudentsDocument,
  EmptyCourseDocument,
  EnrolStudentsDocument,
  JoinCoursesDocument,
  LeaveCoursesDocument,
  NewCourseDocument,
  NewStudentDocument,
  ReplaceStudentsDocument,
} from "./generated/operations.js";
import { Random } from "./support/fuzz.js";
import { TestPlayground } from "./support/playground.js";

const clients = 50;
const operationsPerClient = 8;

/** What an operation leaves a student as: linked to the course or not; absent if untouched. */
type Effect = (studentId: string) => "linked" | "unlinked" | undefined;

interface Outcome {
  kind: string;
  effect: Effect;
  startedAt: number;
  answeredAt: number;
  status: number;
  codes: string[];
}

test(`${clients} clients changing one course's students at once leave a state some order of their writes explains`, async (t) => {
  const playground = await TestPlayground.start();
  try {
    const { createCourse } = await playground.data(NewCourseDocument, { name: "Concurrency" });
    const courseId = createCourse.id;
    const students: string[] = [];
    for (let i = 0; i < 12; i++)
      students.push((await playground.data(NewStudentDocument, { name: `Pupil ${i}` })).createStudent.id);
    // Named only in operations that must be refused: it may never end up linked.
    const bystander = (await playground.data(NewStudentDocument, { name: "Bystander" })).createStudent.id;
    const studentsBefore = (await playground.rows<{ n: number }>("SELECT count(*) AS n FROM student"))[0]!.n;

    const outcomes: Outcome[] = [];
    const created: string[] = [];
    const run = async <TData, TVariables>(
      kind: string,
      effect: Effect,
      document: TypedDocumentNode<TData, TVariables>,
      variables: TVariables,
    ) => {
      const startedAt = performance.now();
      const response = await playground.request(document, variables);
      outcomes.push({
        kind,
        effect,
        startedAt,
        answeredAt: performance.now(),
        status: response.status,
        codes: (response.errors ?? []).map((error) => String(error.extensions?.code)),
      });
      return response.data;
    };
    const unchanged: Effect = () => undefined;
    const client = async (index: number) => {
      const random = Random.forTask(7, index);
      for (let i = 0; i < operationsPerClient; i++) {
        const ids = random.sample(students, 4);
        const one = random.pick(students);
        switch (random.int(8)) {
          case 0:
            await run("add", (id) => (ids.includes(id) ? "linked" : undefined), EnrolStudentsDocument, {
              courseId,
              ids,
            });
            break;
          case 1:
            await run("remove", (id) => (ids.includes(id) ? "unlinked" : undefined), DropStudentsDocument, {
              courseId,
              ids,
            });
            break;
          case 2:
            await run("set", (id) => (ids.includes(id) ? "linked" : "unlinked"), ReplaceStudentsDocument, {
              courseId,
              ids,
            });
            break;
          case 3:
            await run("clear", () => "unlinked", EmptyCourseDocument, { courseId });
            break;
          case 4:
            await run("join", (id) => (id === one ? "linked" : undefined), JoinCoursesDocument, {
              studentId: one,
              ids: [courseId],
            });
            break;
          case 5:
            await run("leave", (id) => (id === one ? "unlinked" : undefined), LeaveCoursesDocument, {
              studentId: one,
              ids: [courseId],
            });
            break;
          case 6: {
            const data = await run("create", unchanged, NewStudentDocument, { name: `New ${index}.${i}` });
            if (data) created.push(data.createStudent.id);
            break;
          }
          default:
            // One unknown id refuses the whole operation: neither it nor the others are linked.
            await run("refused add", unchanged, EnrolStudentsDocument, {
              courseId,
              ids: [...ids, bystander, "999999"],
            });
        }
      }
    };
    await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));

    const codes = new Map<string, number>();
    for (const { codes: answered } of outcomes)
      for (const code of answered) codes.set(code, (codes.get(code) ?? 0) + 1);
    t.diagnostic(`${outcomes.length} requests; errors by code: ${JSON.stringify(Object.fromEntries(codes))}`);
    assert.equal(outcomes.length, clients * operationsPerClient);
    assert.deepEqual(
      outcomes.filter(({ status }) => status >= 500),
      [],
    );
    for (const outcome of outcomes) {
      assert.deepEqual(outcome.codes, outcome.kind === "refused add" ? ["NOT_FOUND"] : [], outcome.kind);
    }

    const linked = new Set(
      (
        await playground.rows<{ id: number }>(
          "SELECT student_id AS id FROM course_students WHERE course_id = ?",
          Number(courseId),
        )
      ).map((row) => String(row.id)),
    );
    assert.deepEqual(
      await playground.rows("SELECT course_id, student_id FROM course_students GROUP BY 1, 2 HAVING count(*) > 1"),
      [],
    );
    const acknowledged = outcomes.filter((outcome) => outcome.codes.length === 0);
    for (const student of [...students, bystander]) {
      const touching = acknowledged.filter((outcome) => outcome.effect(student) !== undefined);
      // An operation answered before another was sent committed before it; any of those that
      // no later-sent operation follows may have been the last to decide this student's link.
      const possiblyLast = touching.filter((x) => !touching.some((y) => y.startedAt > x.answeredAt));
      const possibleEnds = new Set(possiblyLast.map((outcome) => outcome.effect(student)));
      if (possibleEnds.size === 0) possibleEnds.add("unlinked");
      const end = linked.has(student) ? "linked" : "unlinked";
      assert.ok(possibleEnds.has(end), `student ${student} ended ${end}; only ${[...possibleEnds].join(" or ")} fit`);
    }

    const { course } = await playground.data(CourseRosterDocument, { id: courseId });
    assert.equal(course!.studentsCount, linked.size);
    assert.deepEqual(new Set(course!.students.map((student) => student.id)), linked);
    assert.equal(new Set(created).size, created.length);
    assert.equal(
      (await playground.rows<{ n: number }>("SELECT count(*) AS n FROM student"))[0]!.n,
      studentsBefore + created.length,
    );
    assert.deepEqual(await playground.problems(), []);
  } finally {
    await playground.close();
  }
});
