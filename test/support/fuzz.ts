/**
 * A fuzzer driven by introspection: it reads the schema from the server and sends every query
 * and mutation field, in turn, with wrong, empty, huge, unicode and hostile values and ids, as
 * variables and written inline, plus a few bodies that are not GraphQL at all. Around the
 * operation, the request sends `operationName` right, wrong or not at all, sometimes beside other
 * operations in the same document, and `extensions` of every shape. Every answer must
 * be a refusal the contract names (or data): never INTERNAL_SERVER_ERROR, never HTTP 5xx.
 *
 * Runs are deterministic: operation `i` of seed `s` draws from its own generator seeded with
 * both, so `npm run fuzz -- --seed s --ops n` replays a run, failures included.
 */
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";

/** mulberry32: small, fast, and good enough to pick test values. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A generator for the `index`-th task of a run, independent of how many draws came before. */
  static forTask(seed: number, index: number): Random {
    return new Random(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35));
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Up to `most` distinct items, in random order. */
  sample<T>(items: readonly T[], most: number): T[] {
    const pool = [...items];
    const count = Math.min(this.int(most + 1), pool.length);
    return Array.from({ length: count }, () => pool.splice(this.int(pool.length), 1)[0]!);
  }
}

/**
 * What `PRAGMA integrity_check` and `PRAGMA foreign_key_check` find wrong, read through `read`
 * (a server's engine or a file's own connection); empty when sound.
 */
export async function databaseProblems(read: (sql: string) => Promise<unknown[]> | unknown[]): Promise<string[]> {
  const integrity = (await read("PRAGMA integrity_check")) as Array<{ integrity_check: string }>;
  const violations = await read("PRAGMA foreign_key_check");
  return [
    ...integrity.filter((row) => row.integrity_check !== "ok").map((row) => `integrity_check: ${row.integrity_check}`),
    ...violations.map((violation) => `foreign_key_check: ${JSON.stringify(violation)}`),
  ];
}

export interface FuzzOptions {
  url: string;
  ops: number;
  seed: number;
}

export interface FuzzFailure {
  index: number;
  reason: string;
  /** The request body, cut short when it is long. */
  request: string;
}

export interface FuzzReport {
  ops: number;
  /** Query and mutation fields the operations went through in turn. */
  rootFields: number;
  /** How many answers carried each error code; `data` counts answers without errors. */
  outcomes: Map<string, number>;
  failures: FuzzFailure[];
}

/** Codes the contract, Apollo and the HTTP front give for a bad request; anything else fails. */
const refusalCodes = new Set([
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "PROTECTED",
  "QUERY_TOO_COMPLEX",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PAYLOAD_TOO_LARGE",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

export async function fuzz({ url, ops, seed }: FuzzOptions): Promise<FuzzReport> {
  const schema = await readSchema(url);
  const roots = rootFields(schema);
  const report: FuzzReport = { ops, rootFields: roots.length, outcomes: new Map(), failures: [] };
  for (let index = 0; index < ops; index++) {
    const random = Random.forTask(seed, index);
    const body = random.chance(0.03)
      ? random.pick(hostileBodies)(random)
      : JSON.stringify(aroundOperation(random, new OperationWriter(random).operation(roots[index % roots.length]!)));
    const reason = await judge(url, body, report.outcomes);
    if (reason)
      report.failures.push({ index, reason, request: body.length > 2000 ? `${body.slice(0, 2000)}...` : body });
  }
  return report;
}

/** How to replay a failure, and what went wrong. */
export function describeFailure(seed: number, failure: FuzzFailure): string {
  return (
    `seed ${seed}, operation #${failure.index} (replay: npm run fuzz -- --seed ${seed} --ops ${failure.index + 1}): ` +
    `${failure.reason}\n  request: ${failure.request}`
  );
}

// Private helpers.

async function readSchema(url: string): Promise<GraphQLSchema> {
  const response = await post(url, JSON.stringify({ query: getIntrospectionQuery() }));
  const { data } = JSON.parse(response.text) as { data: IntrospectionQuery };
  return buildClientSchema(data);
}

interface RootField {
  operation: "query" | "mutation";
  field: GraphQLField<unknown, unknown>;
}

function rootFields(schema: GraphQLSchema): RootField[] {
  const of = (operation: RootField["operation"], type: GraphQLObjectType | null | undefined) =>
    Object.values(type?.getFields() ?? {}).map((field) => ({ operation, field }));
  return [...of("query", schema.getQueryType()), ...of("mutation", schema.getMutationType())];
}

async function post(url: string, body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  return { status: response.status, text: await response.text() };
}

/** Sends one body; returns why its answer is a failure, or undefined when it is fine. */
async function judge(url: string, body: string, outcomes: Map<string, number>): Promise<string | undefined> {
  let answer: { status: number; text: string };
  try {
    answer = await post(url, body);
  } catch (error) {
    return `no answer: ${(error as Error).message}`;
  }
  if (answer.status >= 500) return `HTTP ${answer.status}: ${answer.text.slice(0, 500)}`;
  let parsed: { errors?: Array<{ message: string; extensions?: { code?: unknown } }> };
  try {
    parsed = JSON.parse(answer.text) as typeof parsed;
  } catch {
    return `HTTP ${answer.status} with a body that is not JSON: ${answer.text.slice(0, 500)}`;
  }
  const codes = parsed.errors?.map((error) => String(error.extensions?.code)) ?? ["data"];
  for (const code of codes) outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
  const unexpected = parsed.errors?.find((error) => !refusalCodes.has(String(error.extensions?.code)));
  return unexpected && `${String(unexpected.extensions?.code)}: ${unexpected.message}`;
}

/** Builds one operation on a root field: arguments as variables or inline, and a selection. */
class OperationWriter {
  private readonly definitions: string[] = [];
  private readonly variables: Record<string, unknown> = {};

  constructor(private readonly random: Random) {}

  operation({ operation, field }: RootField): { query: string; variables: Record<string, unknown> } {
    const selection = this.field(field, 0);
    const header = this.definitions.length > 0 ? `(${this.definitions.join(", ")})` : "";
    return { query: `${operation} Fuzz${header} { ${selection} }`, variables: this.variables };
  }

  private field(field: GraphQLField<unknown, unknown>, depth: number): string {
    const args = field.args
      .filter((arg) => isNonNullType(arg.type) || this.random.chance(0.6))
      .map((arg) => `${arg.name}: ${this.argument(arg.type)}`);
    const named = getNamedType(field.type);
    const selection = isObjectType(named) ? ` { ${this.selection(named, depth + 1)} }` : "";
    return `${field.name}${args.length > 0 ? `(${args.join(", ")})` : ""}${selection}`;
  }

  private selection(type: GraphQLNamedType, depth: number): string {
    if (!isObjectType(type)) return "__typename";
    const fields = Object.values(type.getFields());
    const leaves = fields.filter((field) => isLeafType(getNamedType(field.type)));
    const objects = fields.filter((field) => !isLeafType(getNamedType(field.type)));
    // Two levels of lists stay within the cost limit at the default page size; deeper is
    // left to the values that break limits on purpose.
    const chosen = [...this.random.sample(leaves, 3), ...(depth < 2 ? this.random.sample(objects, 2) : [])];
    return chosen.length === 0 ? "__typename" : chosen.map((field) => this.field(field, depth)).join(" ");
  }

  /** A variable half of the time, so that both coercion paths see the same values. */
  private argument(type: GraphQLInputType): string {
    const value = new ValueMaker(this.random).value(type, 0);
    if (this.random.chance(0.5)) return literal(value, type);
    const name = `v${this.definitions.length}`;
    this.definitions.push(`$${name}: ${String(type)}`);
    this.variables[name] = value;
    return `$${name}`;
  }
}

/** Operations sent beside the fuzzed one (named `Fuzz`), so that the name decides which one runs. */
const otherOperations = [
  "query Other { peopleCount }",
  'mutation Other { createTag(input: { name: "other" }) { id } }',
  "mutation Other { deleteAuthor(id: 1) { total } }",
  "{ __typename }",
  "subscription Other { __typename }",
  "fragment Unused on Query { peopleCount }",
];
const operationNames: unknown[] = ["Other", "Fuzz", "fuzz", "", "x", "Other Fuzz", null, 5, ["Fuzz"]];
const extensionValues: unknown[] = [
  {},
  null,
  { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
  { persistedQuery: "x" },
  { clientLibrary: { name: "fuzz", version: "1" } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  "x",
  [],
  5,
];

/**
 * The request around an operation: `operationName` right (`Fuzz`), wrong or left out, now and
 * then another operation in the same document, and `extensions`. Most requests name their
 * operation right, so the fields still get fuzzed.
 */
function aroundOperation(
  random: Random,
  operation: { query: string; variables: Record<string, unknown> },
): Record<string, unknown> {
  const request: Record<string, unknown> = { ...operation };
  if (random.chance(0.08)) request.query = `${operation.query}\n${random.pick(otherOperations)}`;
  if (random.chance(0.03)) request.query = String(request.query).replace(/^(query|mutation)/, "subscription");
  if (random.chance(0.4)) request.operationName = random.chance(0.7) ? "Fuzz" : random.pick(operationNames);
  if (random.chance(0.08)) request.extensions = random.pick(extensionValues);
  return request;
}

const smallIds = ["1", "2", "3", "4", "5", "6", "7", "8", "10", "12"];
const oddIds: unknown[] = [
  "0",
  "-1",
  "1.5",
  "1e3",
  "abc",
  "",
  " 1",
  "01",
  "0x10",
  "١",
  "1\u0000",
  "99999999999999999999",
  "9007199254740993",
  "2147483648",
  "1; DROP TABLE author",
  1,
  0,
  -5,
  2.5,
  "9".repeat(5000),
];
const strings: unknown[] = [
  "",
  " ",
  "a",
  "Zoë",
  "日本語のテキスト",
  "👍🏽👨‍👩‍👧",
  "e\u0301",
  "مرحبا بالعالم",
  "\u200b",
  "\u0000",
  "\ud800",
  "\n\r\t",
  "'; DROP TABLE author; --",
  '" OR 1=1 --',
  "Robert'); DROP TABLE student;--",
  "%",
  "_",
  "\\",
  "${jndi:ldap://example.com/a}",
  "<script>alert(1)</script>",
  "__proto__",
  "constructor",
  "null",
  "x".repeat(20),
  "x".repeat(21),
  "x".repeat(100),
  "x".repeat(101),
  "é".repeat(100),
  "👍".repeat(101),
  "x".repeat(100_000),
];
const ints: unknown[] = [0, 1, -1, 2, 10, 100, 999, 1000, 1001, 2147483647, -2147483648, 2147483648, 1.5, 1e100, "5"];
const dates: unknown[] = [
  "2024-01-01",
  "2000-02-29",
  "1900-02-29",
  "2024-02-30",
  "1990-13-45",
  "0000-00-00",
  "0001-01-01",
  "9999-12-31",
  "2024-1-1",
  "20240101",
  "2024-01-01T00:00:00Z",
  "yesterday",
];
const anything: unknown[] = [null, 0, -1, 1.5, "", "x", true, [], {}, [[[]]], { nope: 1 }, "x".repeat(1000)];

/** Values for an input type: mostly of the right shape and edge-case content, sometimes not. */
class ValueMaker {
  constructor(private readonly random: Random) {}

  value(type: GraphQLInputType, depth: number): unknown {
    const { random } = this;
    if (random.chance(0.02)) return random.pick(anything);
    if (isNonNullType(type)) return random.chance(0.02) ? null : this.value(type.ofType, depth);
    if (random.chance(0.03)) return null;
    if (isListType(type)) {
      const length = random.chance(0.05) ? 60 : random.int(4);
      return Array.from({ length }, () => this.value(type.ofType, depth + 1));
    }
    if (isEnumType(type)) return random.chance(0.9) ? random.pick(type.getValues()).name : random.pick(["asc", "NOPE"]);
    if (isInputObjectType(type)) return this.object(type, depth);
    switch (type.name) {
      case "ID":
        return random.chance(0.75) ? random.pick(smallIds) : random.pick(oddIds);
      case "Int":
        return random.pick(ints);
      case "Boolean":
        return random.pick([true, false, "true", 0]);
      case "LocalDate":
        return random.pick(dates);
      default:
        return this.text();
    }
  }

  text(): unknown {
    return this.random.chance(0.3) ? this.unicode() : this.random.pick(strings);
  }

  private object(type: GraphQLInputObjectType, depth: number): Record<string, unknown> {
    const { random } = this;
    const fields = Object.entries(type.getFields());
    // Now and then a filter nested or repeated far past anything sensible: NOT in NOT in NOT...,
    // or OR over hundreds of entries, which must meet a limit rather than SQLite's.
    const recursive = fields.filter(([, field]) => getNamedType(field.type) === type);
    if (recursive.length > 0 && random.chance(0.03)) {
      const [name, field] = random.pick(recursive);
      const inner = { [fields[0]![0]]: this.value(fields[0]![1].type, depth + 1) };
      if (isListType(field.type)) return { [name]: Array.from({ length: 300 + random.int(2000) }, () => inner) };
      let nested: Record<string, unknown> = inner;
      for (let level = 20 + random.int(2000); level > 0; level--) nested = { [name]: nested };
      return nested;
    }
    const result: Record<string, unknown> = {};
    for (const [name, field] of fields) {
      const required = isNonNullType(field.type);
      const tooDeep = depth >= 3 && !isLeafType(getNamedType(field.type));
      if ((required && !random.chance(0.03)) || (!tooDeep && random.chance(0.3))) {
        result[name] = this.value(field.type, depth + 1);
      }
    }
    if (random.chance(0.03)) result[random.pick(["nope", "__proto__", "constructor"])] = random.pick(anything);
    return result;
  }

  /** Random code points from every plane, including unpaired surrogates and controls. */
  private unicode(): string {
    const { random } = this;
    const planes = [0x7f, 0x800, 0xffff, 0x10ffff];
    return String.fromCodePoint(
      ...Array.from({ length: random.int(40) }, () => {
        const point = random.int(random.pick(planes) + 1);
        return random.chance(0.02) ? 0xd800 + random.int(0x800) : point;
      }),
    );
  }
}

/** A JSON value written as a GraphQL literal of `type`; wrong values stay wrong. */
function literal(value: unknown, type: GraphQLInputType): string {
  const named = getNamedType(type);
  if (value === null) return "null";
  if (Array.isArray(value)) return `[${value.map((entry) => literal(entry, itemType(type))).join(", ")}]`;
  if (typeof value === "object") {
    const fields = isInputObjectType(named) ? named.getFields() : {};
    return `{${Object.entries(value as object)
      .map(([name, entry]) => `${name}: ${literal(entry, fields[name]?.type ?? named)}`)
      .join(", ")}}`;
  }
  if (typeof value === "string" && isEnumType(named) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** What a list of `type` holds; a list given where none belongs keeps the type it was given for. */
function itemType(type: GraphQLInputType): GraphQLInputType {
  const list = isNonNullType(type) ? type.ofType : type;
  return isListType(list) ? (list.ofType as GraphQLInputType) : type;
}

/** Bodies that are not a GraphQL request at all, or barely one. */
const hostileBodies: Array<(random: Random) => string> = [
  () => "[]",
  () => "null",
  () => '"{ peopleCount }"',
  () => '{"query": 5}',
  () => '{"query": "{ peopleCount }", "variables": "x"}',
  () => '{"query": "{ peopleCount }", "operationName": 5}',
  () => '{"query": "query A { peopleCount } query B { peopleCount }", "operationName": "C"}',
  () => '{"query": "{ peopleCount }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}',
  () => `{"query": "{ peopleCount }", "variables": ${"[".repeat(20_000)}${"]".repeat(20_000)}}`,
  () => JSON.stringify({ query: `{ ${"peopleCount ".repeat(50_000)}}` }),
  () => JSON.stringify({ query: `{ ${"a: peopleCount ".repeat(40)}}` }),
  () => JSON.stringify({ query: `"${"x".repeat(500_000)}"` }),
  (random) => JSON.stringify({ query: new ValueMaker(random).text() }),
  (random) => Array.from({ length: random.int(200) }, () => String.fromCharCode(random.int(128))).join(""),
];
