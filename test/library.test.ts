/**
 * The package's entry point as a test suite uses it: `startPlayground()` with the public
 * options, `reset()` back to the seed state, `close()`, spoken to over HTTP like any client.
 */
import assert from "node:assert/strict";
import { after, test } from "node:test";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print, type GraphQLFormattedError } from "graphql";
import { startPlayground, type Playground, type PlaygroundOptions } from "../src/index.js";
import {
  ChangeEverySectionDocument,
  CreateTagNamedDocument,
  NestedBookPagesDocument,
  PeopleTotalDocument,
} from "./generated/operations.js";

const started: Playground[] = [];
after(() => Promise.all(started.map((playground) => playground.close())));

async function start(options?: PlaygroundOptions): Promise<Playground> {
  const playground = await startPlayground(options);
  started.push(playground);
  return playground;
}

interface Result<TData> {
  data?: TData | null;
  errors?: GraphQLFormattedError[];
}

async function post<TData>(playground: Playground, query: string, variables?: unknown): Promise<Result<TData>> {
  const response = await fetch(playground.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Result<TData>;
}

function request<TData, TVariables>(
  playground: Playground,
  document: TypedDocumentNode<TData, TVariables>,
  variables?: TVariables,
): Promise<Result<TData>> {
  return post<TData>(playground, print(document), variables);
}

async function data<TData, TVariables>(
  playground: Playground,
  document: TypedDocumentNode<TData, TVariables>,
  variables?: TVariables,
): Promise<TData> {
  const { data, errors } = await request(playground, document, variables);
  assert.equal(errors, undefined);
  return data!;
}

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}

interface IntrospectedType {
  name: string;
  fields: Array<{ name: string; args: Array<{ name: string }>; type: TypeRef }> | null;
}

const typeRef = "kind name ofType { kind name ofType { kind name ofType { kind name } } }";

function namedType(type: TypeRef): TypeRef {
  return type.ofType ? namedType(type.ofType) : type;
}

/**
 * Every row of every root list, with its scalar fields and the ids of every object and list it
 * points at, read through the API: what a reset has to bring back, links and keys included.
 */
async function everyRow(playground: Playground): Promise<unknown> {
  const { data: schema } = await post<{ __schema: { queryType: { name: string }; types: IntrospectedType[] } }>(
    playground,
    `{ __schema { queryType { name } types { name fields { name args { name } type { ${typeRef} } } } } }`,
  );
  const types = new Map(schema!.__schema.types.map((type) => [type.name, type]));
  const hasId = (type: TypeRef) => types.get(type.name!)?.fields?.some((field) => field.name === "id") ?? false;
  const selection = (type: IntrospectedType) =>
    type
      .fields!.map((field) => {
        const target = namedType(field.type);
        if (target.kind === "SCALAR" || target.kind === "ENUM") return field.name;
        if (target.kind !== "OBJECT" || !hasId(target)) return "";
        const page = field.args.some((arg) => arg.name === "limit") ? "(limit: 20)" : "";
        return `${field.name}${page} { id }`;
      })
      .join(" ");
  const roots = types
    .get(schema!.__schema.queryType.name)!
    .fields!.filter((field) => field.type.kind === "NON_NULL" && field.type.ofType?.kind === "LIST");
  const query = roots
    .map((field) => `${field.name}(limit: 100) { ${selection(types.get(namedType(field.type).name!)!)} }`)
    .join(" ");
  const { data: rows, errors } = await post(playground, `{ ${query} }`);
  assert.equal(errors, undefined);
  return rows;
}

test("starts on a free loopback port with the seed data, and hands out only url, reset and close", async () => {
  const playground = await start();
  assert.match(playground.url, /^http:\/\/127\.0\.0\.1:[1-9]\d*\/graphql$/);
  assert.deepEqual(Object.keys(playground).sort(), ["close", "reset", "url"]);
  assert.deepEqual(await data(playground, PeopleTotalDocument), { peopleCount: 2 });
});

test("reset brings back every row, key, link and id counter of the seed state", async () => {
  const fresh = await start();
  const used = await start();
  const seedState = await everyRow(fresh);

  await data(used, ChangeEverySectionDocument);
  assert.notDeepEqual(await everyRow(used), seedState);
  assert.deepEqual(await everyRow(fresh), seedState, "each playground has its own database");

  await used.reset();
  assert.deepEqual(await everyRow(used), seedState);
  // The tag created before the reset took the next id; after it, creates count from the seed again.
  const next = await data(fresh, CreateTagNamedDocument, { name: "after" });
  assert.deepEqual(await data(used, CreateTagNamedDocument, { name: "after" }), next);
});

test("options set the limits and switches; the defaults leave them open", async () => {
  const strict = await start({ maxLimit: 2, readOnly: true });
  const wide = await request(strict, NestedBookPagesDocument, { limit: 3 });
  assert.equal(wide.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
  const write = await request(strict, CreateTagNamedDocument, { name: "refused" });
  assert.equal(write.errors?.[0]?.extensions?.code, "FORBIDDEN");

  const open = await start({ maxLimit: undefined });
  await data(open, NestedBookPagesDocument, { limit: 3 });
  await data(open, CreateTagNamedDocument, { name: "accepted" });
});

test("an unknown option is refused, naming the options there are", async () => {
  await assert.rejects(startPlayground({ maxLimt: 2 } as PlaygroundOptions), /Unknown option maxLimt .*\bmaxLimit\b/);
});
