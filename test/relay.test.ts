/**
 * Relay's contract on the server: `nodeId` unique across types and `node(nodeId:)`, connections
 * whose pages match the list they page (forward, backward, any ordering, NULLs included), cursors
 * that stay put when rows are added before them, page sizes and costs bounded like `limit`, and
 * the rows a delete names.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  CreateStudentAtDocument,
  DeleteCourseRowsDocument,
  DeleteManufacturerRowsDocument,
  DeleteSupplierRowsDocument,
  NodeByIdDocument,
  SchoolStudentsPageDocument,
  StudentsAndCoursesNodeIdsDocument,
  StudentsOrderedDocument,
  StudentsPageDocument,
  ThreeNodesDocument,
  type StudentOrderBy,
  type StudentsPageQueryVariables,
} from "./generated/operations.js";
import { TestPlayground } from "./support/playground.js";

let playground: TestPlayground;

before(async () => {
  playground = await TestPlayground.start();
});
after(() => playground.close());

describe("object identification", () => {
  test("Student 1 and Course 1 have distinct nodeIds, and node() reads each back as its own type", async () => {
    const { students, courses } = await playground.data(StudentsAndCoursesNodeIdsDocument);
    const alice = students.find((student) => student.id === "1")!;
    const math = courses.find((course) => course.id === "1")!;
    assert.notEqual(alice.nodeId, math.nodeId);
    const all = [...students, ...courses].map((row) => row.nodeId);
    assert.equal(new Set(all).size, all.length);

    assert.deepEqual((await playground.data(NodeByIdDocument, { nodeId: alice.nodeId })).node, {
      __typename: "Student",
      nodeId: alice.nodeId,
      id: "1",
      name: "Alice",
    });
    assert.deepEqual((await playground.data(NodeByIdDocument, { nodeId: math.nodeId })).node, {
      __typename: "Course",
      nodeId: math.nodeId,
      id: "1",
      name: "Math",
    });
  });

  test("node fields of one request are batched: one statement per type, one per field without batching", async () => {
    const { students, courses } = await playground.data(StudentsAndCoursesNodeIdsDocument);
    const variables = { a: students[0]!.nodeId, b: students[1]!.nodeId, c: courses[0]!.nodeId };
    const batched = await playground.request(ThreeNodesDocument, variables, { trace: true });
    const unbatched = await playground.request(ThreeNodesDocument, variables, { trace: true, batching: false });
    assert.deepEqual(batched.data, unbatched.data);
    assert.deepEqual(
      [batched.data?.a?.nodeId, batched.data?.b?.nodeId, batched.data?.c?.nodeId],
      [variables.a, variables.b, variables.c],
    );
    assert.equal(batched.sql?.count, 2, batched.sql?.statements.join("\n"));
    assert.equal(unbatched.sql?.count, 3, unbatched.sql?.statements.join("\n"));
  });

  test("a well-formed nodeId naming no row is null", async () => {
    for (const id of ["999", "0", "99999999999999999999"]) {
      const nodeId = Buffer.from(`Student:${id}`).toString("base64");
      assert.equal((await playground.data(NodeByIdDocument, { nodeId })).node, null, id);
    }
  });

  test("a malformed nodeId, or one naming no type, is BAD_USER_INPUT", async () => {
    const encode = (text: string) => Buffer.from(text).toString("base64");
    for (const nodeId of ["1", "", "U3R1ZGVudDox=", encode("Student:one"), encode("Student:1 "), encode("Nothing:1")]) {
      const { code, response } = await playground.errorCode(NodeByIdDocument, { nodeId });
      assert.equal(code, "BAD_USER_INPUT", nodeId);
      assert.equal(response.errors![0]!.extensions?.argument, "nodeId");
    }
  });
});

type Page = NonNullable<Awaited<ReturnType<typeof studentsPage>>>;

async function studentsPage(variables: StudentsPageQueryVariables) {
  return (await playground.data(StudentsPageDocument, variables)).studentsConnection;
}

/** Every id of the connection, read page by page in the given direction. */
async function pagedIds(orderBy: StudentOrderBy[], size: number, direction: "forward" | "backward") {
  const ids: string[] = [];
  let page: Page | undefined;
  do {
    page =
      direction === "forward"
        ? await studentsPage({ orderBy, first: size, after: page?.pageInfo.endCursor })
        : await studentsPage({ orderBy, last: size, before: page?.pageInfo.startCursor });
    const pageIds = page.edges.map((edge) => edge.node.id);
    if (direction === "forward") ids.push(...pageIds);
    else ids.unshift(...pageIds);
    assert.ok(page.edges.length <= size);
  } while (direction === "forward" ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage);
  return ids;
}

describe("connections", () => {
  before(async () => {
    // Names and schools that tie, and NULL schools, so that every ordering needs its tie-breaks.
    await playground.exec(`INSERT INTO "school" ("id", "name") VALUES (2, 'Shelbyville High')`);
    for (const [name, schoolId] of [
      ["Alice", null],
      ["Bob", "1"],
      ["Dan", null],
      ["Bob", "2"],
      ["Eve", "1"],
    ] as const) {
      await playground.data(CreateStudentAtDocument, { input: { name, schoolId } });
    }
  });

  const orderings: StudentOrderBy[][] = [
    [],
    [{ name: "ASC" }],
    [{ name: "DESC" }],
    [{ schoolId: "ASC" }],
    [{ schoolId: "DESC" }, { name: "ASC" }],
    [{ schoolId: "ASC" }, { name: "DESC" }, { id: "DESC" }],
  ];
  for (const orderBy of orderings) {
    test(`pages forward and backward give the list's order: ${JSON.stringify(orderBy)}`, async () => {
      const list = (await playground.data(StudentsOrderedDocument, { orderBy })).students.map((row) => row.id);
      assert.equal(list.length, 8);
      for (const size of [1, 3]) {
        assert.deepEqual(await pagedIds(orderBy, size, "forward"), list, `first: ${size}`);
        assert.deepEqual(await pagedIds(orderBy, size, "backward"), list, `last: ${size}`);
      }
    });
  }

  test("pageInfo and totalCount: the whole list's count, cursors of the first and last edges", async () => {
    const page = await studentsPage({ first: 2 });
    assert.equal(page.totalCount, 8);
    assert.deepEqual(page.pageInfo, {
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: page.edges[0]!.cursor,
      endCursor: page.edges[1]!.cursor,
    });
    const empty = await studentsPage({ first: 0 });
    assert.deepEqual(empty.edges, []);
    assert.equal(empty.pageInfo.startCursor, null);
    assert.equal(empty.pageInfo.hasNextPage, true);
  });

  test("a cursor stays on its row when rows are added before it", async () => {
    const orderBy: StudentOrderBy[] = [{ name: "ASC" }];
    const first = await studentsPage({ orderBy, first: 2 });
    const expected = await studentsPage({ orderBy, first: 2, after: first.pageInfo.endCursor });
    await playground.data(CreateStudentAtDocument, { input: { name: "Aaron", schoolId: null } });
    const next = await studentsPage({ orderBy, first: 2, after: first.pageInfo.endCursor });
    assert.deepEqual(next.edges, expected.edges);
    await playground.exec(`DELETE FROM "student" WHERE "name" = 'Aaron'`);
  });

  test("a nested connection pages each parent after the same cursor, in one statement per level", async () => {
    const response = await playground.request(SchoolStudentsPageDocument, {}, { trace: true });
    const schools = response.data!.schools;
    assert.deepEqual(
      schools.map((school) => school.studentsConnection.edges.map((edge) => edge.node.name)),
      [["Alice"], ["Bob"]],
    );
    assert.equal(response.sql!.count, 3, response.sql!.statements.join("\n"));
    // Alice's cursor is a name cursor: School 1's next student after it is Bob, School 2's too.
    const after = schools[0]!.studentsConnection.edges[0]!.cursor;
    const next = await playground.request(SchoolStudentsPageDocument, { after }, { trace: true });
    assert.deepEqual(
      next.data!.schools.map((school) => [
        school.studentsConnection.edges.map((edge) => edge.node.name),
        school.studentsConnection.totalCount,
        school.studentsConnection.pageInfo.hasNextPage,
      ]),
      [
        [["Bob"], 4, true],
        [["Bob"], 1, false],
      ],
    );
    assert.equal(next.sql!.count, 3);
  });

  test("first and last over MAX_LIMIT or negative, both at once, or a foreign cursor are BAD_USER_INPUT", async () => {
    const cases: Array<[StudentsPageQueryVariables, string]> = [
      [{ first: 1001 }, "first"],
      [{ last: -1 }, "last"],
      [{ first: 1, last: 1 }, "last"],
      [{ first: 1, after: "nonsense" }, "after"],
      [{ first: 1, before: Buffer.from('[["id"],["1"]]').toString("base64") }, "before"],
    ];
    const nameCursor = (await studentsPage({ first: 1, orderBy: [{ name: "ASC" }] })).pageInfo.endCursor!;
    cases.push([{ first: 1, after: nameCursor }, "after"]);
    for (const [variables, argument] of cases) {
      const { code, response } = await playground.errorCode(StudentsPageDocument, variables);
      assert.equal(code, "BAD_USER_INPUT", JSON.stringify(variables));
      assert.equal(response.errors![0]!.extensions?.argument, argument);
    }
  });

  test("first counts in the cost like limit, and each connection level multiplies it", async () => {
    const response = await playground.post({
      query:
        "{ authorsConnection(first: 1000) { edges { node { bookSetConnection(first: 1000) { nodes { title } } } } } }",
    });
    assert.equal(response.status, 400);
    assert.equal(response.errors![0]!.extensions?.code, "QUERY_TOO_COMPLEX");
    assert.equal(response.errors![0]!.extensions?.measure, "cost");
    // One connection object, 1000 edges, and under each a connection object with 1000 nodes.
    assert.equal(response.errors![0]!.extensions?.measured, 1 + 1000 * (1 + 1 + 1000));
  });

  test("without batching, each connection and its totalCount count per parent in MAX_STATEMENTS", async () => {
    const query = (first: number) =>
      `{ manufacturersConnection(first: ${first}) { nodes { carSetConnection(first: 2) { totalCount nodes { modelName } } } } }`;
    const refused = await playground.post({ query: query(1000) }, { batching: false });
    assert.equal(refused.errors![0]!.extensions?.measure, "statements");
    assert.equal(refused.errors![0]!.extensions?.measured, 1 + 1000 * 2);
    const served = await playground.post({ query: query(2) }, { batching: false, trace: true });
    assert.equal(served.errors, undefined);
    assert.equal(served.sql!.count, 1 + 2 * 2);
  });
});

describe("deleted rows", () => {
  test("a cascade names the row and every row it took, per GraphQL type, with their nodeIds", async () => {
    const { deleteManufacturer } = await playground.data(DeleteManufacturerRowsDocument, { id: "1" });
    assert.equal(deleteManufacturer.total, 5);
    const nodeIds = (model: string, ids: string[]) => ids.map((id) => Buffer.from(`${model}:${id}`).toString("base64"));
    assert.deepEqual(deleteManufacturer.deleted, [
      { model: "RegistrationCertificate", ids: ["1"], nodeIds: nodeIds("RegistrationCertificate", ["1"]) },
      { model: "Car", ids: ["1", "2", "3"], nodeIds: nodeIds("Car", ["1", "2", "3"]) },
      { model: "Manufacturer", ids: ["1"], nodeIds: nodeIds("Manufacturer", ["1"]) },
    ]);
    const { node } = await playground.data(NodeByIdDocument, { nodeId: deleteManufacturer.deleted[1]!.nodeIds[0]! });
    assert.equal(node, null);
  });

  test("rows whose key is set to NULL and link rows are not listed", async () => {
    const { deleteSupplier } = await playground.data(DeleteSupplierRowsDocument, { id: "1" });
    assert.deepEqual(deleteSupplier.deleted, [{ model: "Supplier", ids: ["1"] }]);
    const { deleteCourse } = await playground.data(DeleteCourseRowsDocument, { id: "1" });
    assert.ok(deleteCourse.perModel.some((entry) => entry.model === "Course_students"));
    assert.deepEqual(deleteCourse.deleted, [{ model: "Course", ids: ["1"] }]);
  });
});
