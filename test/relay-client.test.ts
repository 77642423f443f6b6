/**
 * Relay against the server: documents compiled by relay-compiler (`test/relay/`, with
 * `nodeInterfaceIdField: "nodeId"`), run by relay-runtime's Environment, Network and Store over
 * HTTP. Student 1 and Course 1 stay two records, a `@refetchable` fragment refetches through
 * `node(nodeId:)`, and a `@connection` loads its next page and merges it.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { register } from "node:module";
import { after, before, test } from "node:test";
import type { GraphQLResponse, GraphQLTaggedNode, OperationType, ReaderFragment } from "relay-runtime";
import { projectFile } from "../src/paths.js";
import type { documentsStudentAndCourseQuery } from "./relay/__generated__/documentsStudentAndCourseQuery.graphql.js";
import type { documentsStudentQuery } from "./relay/__generated__/documentsStudentQuery.graphql.js";
import type { documentsStudent_student$data } from "./relay/__generated__/documentsStudent_student.graphql.js";
import type { documentsCourseStudents_course$data } from "./relay/__generated__/documentsCourseStudents_course.graphql.js";
import { TestPlayground } from "./support/playground.js";

register("./relay/resolve-artifacts.js", import.meta.url);
// Imported after the hook is registered: the artifacts import each other without extensions.
const { default: relay } = await import("relay-runtime");
const { default: studentAndCourseQuery } =
  await import("./relay/__generated__/documentsStudentAndCourseQuery.graphql.js");
const { default: studentQuery } = await import("./relay/__generated__/documentsStudentQuery.graphql.js");
const { default: studentFragment } = await import("./relay/__generated__/documentsStudent_student.graphql.js");
const { default: studentRefetchQuery } = await import("./relay/__generated__/documentsStudentRefetchQuery.graphql.js");
const { default: courseStudentsFragment } =
  await import("./relay/__generated__/documentsCourseStudents_course.graphql.js");
const { default: paginationQuery } =
  await import("./relay/__generated__/documentsCourseStudentsPaginationQuery.graphql.js");

let playground: TestPlayground;
/** Every request the network sent, as the server received it. */
const sent: Array<{ query: string; variables: Record<string, unknown> }> = [];
let environment: InstanceType<typeof relay.Environment>;

before(async () => {
  playground = await TestPlayground.start();
  environment = new relay.Environment({
    network: relay.Network.create(async (request, variables) => {
      sent.push({ query: request.text!, variables });
      const response = await fetch(playground.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: request.text, variables }),
      });
      return (await response.json()) as GraphQLResponse;
    }),
    store: new relay.Store(new relay.RecordSource()),
    // The store's record ids: without this it keys records by `id`, which is Django's per-model key.
    getDataID: (record: Record<string, unknown>) => record.nodeId,
  });
});
after(() => playground.close());

async function query<T extends OperationType>(node: GraphQLTaggedNode, variables: T["variables"]) {
  await relay.fetchQuery<T>(environment, node, variables).toPromise();
  const operation = relay.createOperationDescriptor(relay.getRequest(node), variables);
  return environment.lookup(operation.fragment).data as T["response"];
}

/** A fragment's data read from the store, as a component holding `ref` would see it. */
function readFragment<T>(fragment: ReaderFragment, ref: unknown): T {
  const selector = relay.getSelector(fragment, ref)!;
  return environment.lookup(selector as Parameters<typeof environment.lookup>[0]).data as T;
}

test("the compiled artifacts are current (npm run relay rewrites them)", () => {
  execFileSync(projectFile("node_modules/relay-compiler/cli.js"), ["--validate", "--output", "quiet-with-errors"], {
    cwd: projectFile("test/relay"),
  });
});

test("Student 1 and Course 1 are two records: Alice reads as Alice and Math as Math", async () => {
  const data = await query<documentsStudentAndCourseQuery>(studentAndCourseQuery, {});
  assert.equal(data.student?.name, "Alice");
  assert.equal(data.course?.name, "Math");
  const source = environment.getStore().getSource();
  assert.notEqual(data.student!.nodeId, data.course!.nodeId);
  assert.equal(source.get(data.student!.nodeId)?.name, "Alice");
  assert.equal(source.get(data.course!.nodeId)?.name, "Math");
});

test("a @refetchable fragment refetches through node(nodeId:)", async () => {
  const data = await query<documentsStudentQuery>(studentQuery, {});
  const before = readFragment<documentsStudent_student$data>(studentFragment, data.student);
  assert.deepEqual({ name: before.name, courseSetCount: before.courseSetCount }, { name: "Alice", courseSetCount: 2 });

  await playground.exec(`UPDATE "student" SET "name" = 'Alicia' WHERE "id" = 1`);
  await relay.fetchQuery(environment, studentRefetchQuery, { nodeId: before.nodeId }).toPromise();
  assert.match(sent.at(-1)!.query, /node\(nodeId: \$nodeId\)/);
  assert.deepEqual(sent.at(-1)!.variables, { nodeId: before.nodeId });
  assert.equal(readFragment<documentsStudent_student$data>(studentFragment, data.student).name, "Alicia");
  await playground.exec(`UPDATE "student" SET "name" = 'Alice' WHERE "id" = 1`);
});

test("a @connection loads its next page after the end cursor, merged by the connection handler", async () => {
  type Students = documentsCourseStudents_course$data;
  const data = await query<documentsStudentAndCourseQuery>(studentAndCourseQuery, {});
  const first = readFragment<Students>(courseStudentsFragment, data.course);
  assert.deepEqual(
    first.studentsConnection.edges?.map((edge) => edge?.node?.name),
    ["Alice"],
  );
  assert.equal(first.studentsConnection.pageInfo.hasNextPage, true);

  // What usePaginationFragment's loadNext(1) sends.
  await relay
    .fetchQuery(environment, paginationQuery, {
      count: 1,
      cursor: first.studentsConnection.pageInfo.endCursor,
      nodeId: data.course!.nodeId,
    })
    .toPromise();
  const merged = readFragment<Students>(courseStudentsFragment, data.course);
  assert.deepEqual(
    merged.studentsConnection.edges?.map((edge) => edge?.node?.name),
    ["Alice", "Bob"],
  );
  assert.equal(merged.studentsConnection.pageInfo.hasNextPage, false);
});
