/**
 * Apollo Client 4 with its InMemoryCache against the server over HTTP: rows are normalised by
 * type and id, lists page with `offsetLimitPagination(["where", "orderBy"])`, and a delete's
 * `deleted` evicts exactly the rows it removed.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";
import { offsetLimitPagination } from "@apollo/client/utilities";
import {
  ApolloCourseStudentsDocument,
  ApolloDeleteManufacturerDocument,
  ApolloManufacturersDocument,
  ApolloRenameStudentDocument,
  ApolloStudentAndCourseDocument,
  ApolloStudentsPageDocument,
} from "./generated/operations.js";
import { TestPlayground } from "./support/playground.js";

let playground: TestPlayground;
let client: ApolloClient;
let cache: InMemoryCache;

before(async () => {
  playground = await TestPlayground.start();
  cache = new InMemoryCache({
    typePolicies: { Query: { fields: { students: offsetLimitPagination(["where", "orderBy"]) } } },
  });
  client = new ApolloClient({ link: new HttpLink({ uri: playground.url }), cache });
});
after(() => playground.close());

test("Student 1 and Course 1 are two cache entries, and a student reached through a course is the same entry", async () => {
  const { data } = await client.query({ query: ApolloStudentAndCourseDocument });
  assert.equal(data?.student?.name, "Alice");
  assert.equal(data?.course?.name, "Math");
  const entries = cache.extract();
  assert.equal(entries["Student:1"]?.name, "Alice");
  assert.equal(entries["Course:1"]?.name, "Math");

  await client.query({ query: ApolloCourseStudentsDocument });
  await client.mutate({ mutation: ApolloRenameStudentDocument, variables: { id: "1", name: "Alicia" } });
  // Both queries read the one entry the mutation's answer updated, without asking the server.
  const direct = client.readQuery({ query: ApolloStudentAndCourseDocument });
  const throughCourse = client.readQuery({ query: ApolloCourseStudentsDocument });
  assert.equal(direct?.student?.name, "Alicia");
  assert.equal(throughCourse?.course?.students.find((student) => student.id === "1")?.name, "Alicia");
  assert.equal(direct?.course?.name, "Math");
  await client.mutate({ mutation: ApolloRenameStudentDocument, variables: { id: "1", name: "Alice" } });
});

test("offsetLimitPagination merges pages of one ordering and keeps orderings apart", async () => {
  const orderBy = [{ name: "DESC" as const }];
  const first = await client.query({ query: ApolloStudentsPageDocument, variables: { limit: 2, offset: 0, orderBy } });
  assert.deepEqual(
    first.data?.students.map((student) => student.name),
    ["Carol", "Bob"],
  );
  // The next page, as fetchMore asks for it: from the server, merged into the cached list.
  await client.query({
    query: ApolloStudentsPageDocument,
    variables: { limit: 2, offset: 2, orderBy },
    fetchPolicy: "network-only",
  });
  const merged = client.readQuery({ query: ApolloStudentsPageDocument, variables: { orderBy } });
  assert.deepEqual(
    merged?.students.map((student) => student.name),
    ["Carol", "Bob", "Alice"],
  );
  const ascending = await client.query({
    query: ApolloStudentsPageDocument,
    variables: { limit: 1, offset: 0, orderBy: [{ name: "ASC" }] },
  });
  assert.deepEqual(
    ascending.data?.students.map((student) => student.name),
    ["Alice"],
  );
});

test("evicting what deleteManufacturer's deleted names removes the manufacturer and its cascaded cars", async () => {
  await client.query({ query: ApolloManufacturersDocument });
  const ids = (prefix: string) => Object.keys(cache.extract()).filter((key) => key.startsWith(prefix));
  assert.deepEqual(ids("Manufacturer:"), ["Manufacturer:1", "Manufacturer:2"]);
  assert.deepEqual(ids("Car:"), ["Car:1", "Car:2", "Car:3", "Car:4"]);

  await client.mutate({
    mutation: ApolloDeleteManufacturerDocument,
    variables: { id: "1" },
    update(cache, { data }) {
      for (const { model, ids } of data?.deleteManufacturer.deleted ?? []) {
        for (const id of ids) cache.evict({ id: cache.identify({ __typename: model, id }) });
      }
      cache.gc();
    },
  });
  assert.deepEqual(ids("Manufacturer:"), ["Manufacturer:2"]);
  assert.deepEqual(ids("Car:"), ["Car:4"]);
  const { data } = await client.query({ query: ApolloManufacturersDocument, fetchPolicy: "cache-only" });
  assert.deepEqual(
    data?.manufacturers.map((manufacturer) => manufacturer.name),
    ["Honda"],
  );
});
