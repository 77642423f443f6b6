/**
 * The documents the bench sends. Arguments are written into the documents rather than passed as
 * variables, so that the floor can recognise a workload by its query text alone.
 */
export interface Workload {
  key: string;
  title: string;
  query: string;
  /** Reads are also measured without batching and against the floor; writes only as served. */
  kind: "read" | "write";
}

export const nestedOneToMany: Workload = {
  key: "one-to-many",
  title: "1. nested one-to-many",
  kind: "read",
  query: "{ authors(limit: 100) { id name bookSet { id title author { id name } } } }",
};

export const manyToManyBothWays: Workload = {
  key: "many-to-many",
  title: "2. many-to-many both ways",
  kind: "read",
  query: "{ courses(limit: 50) { name students { name courseSet { name } } } }",
};

/** The prefix matches "Author 1", "Author 10".."Author 19", "Author 100".. of the scaled data. */
export const authorNamePrefix = "Author 1";

export const filteredRootList: Workload = {
  key: "filtered-list",
  title: "3. filter across a relation, orderBy",
  kind: "read",
  query:
    `{ books(where: {author: {name: {startsWith: "${authorNamePrefix}"}}}, orderBy: [{title: DESC}], limit: 100) ` +
    "{ id title author { name } } }",
};

/** Workload 1's shape under a root list filtered on a column, as clients page through a search. */
export const filteredRootAuthors: Workload = {
  key: "filtered-root",
  title: "5. filtered root list, nested",
  kind: "read",
  query:
    `{ authors(where: {name: {startsWith: "${authorNamePrefix}"}}, limit: 100) ` +
    "{ id name bookSet { id title author { id name } } } }",
};

/** Student 1 does not take courses 2 and 3 in the scaled data, so each request adds and removes real links. */
export const writeMix: Workload = {
  key: "write-mix",
  title: "4. write mix",
  kind: "write",
  query:
    "mutation { " +
    'createBook(input: {title: "Written by the bench", authorId: "1"}) { id title author { name } } ' +
    'addStudentCourseSet(studentId: "1", ids: ["2", "3"]) { id courseSetCount } ' +
    'removeStudentCourseSet(studentId: "1", ids: ["2", "3"]) { id courseSetCount } ' +
    "}",
};

/** Numbered as `--only` takes them: the filtered root list came after the write mix. */
export const workloads: readonly Workload[] = [
  nestedOneToMany,
  manyToManyBothWays,
  filteredRootList,
  writeMix,
  filteredRootAuthors,
];

export function requestBody(workload: Workload): string {
  return JSON.stringify({ query: workload.query });
}
