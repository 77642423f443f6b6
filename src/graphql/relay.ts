/**
 * Relay's side of the schema, derived from the catalog like the rest: `nodeId` on every model
 * type, `node(nodeId:)` at the root, and for every list field `f` a sibling `fConnection` of
 * type `XConnection` (`edges { cursor node }`, `nodes`, `pageInfo`, `totalCount`).
 *
 * Cursors are keysets, not offsets: a cursor holds the values of the row's order keys (the
 * `orderBy` fields, then `id`), and `after` reads the rows that sort after those values. A page
 * then stays where it was when rows are inserted or deleted before it, which an offset cursor
 * cannot promise (deleting one row shifts every later offset, and the next page skips a row), and
 * the database seeks to the cursor instead of counting past the rows before it. A connection is
 * the same statement as its list, with the keyset in its WHERE and one more row than the page
 * to learn whether another page follows, so a nested connection stays one batched statement per
 * level. `totalCount` is a second statement only when selected: the count loader of the list's
 * `fCount` field, batched over the parents the same way.
 */
import { Field, ID, Int, ObjectType } from "type-graphql";
import type { Catalog, ColumnInfo, ModelInfo } from "../catalog.js";
import { badInput } from "../errors.js";
import { nodeId, parseNodeId, relayNames } from "../naming.js";
import {
  orderKeys,
  rootCountStatement,
  rootListStatement,
  sortColumn,
  type ListQuery,
  type OrderKey,
} from "../sql/lists.js";
import type { SqlValue } from "../sql/engine.js";
import type { Row } from "../sql/syntax.js";
import { parseId } from "../sql/where.js";
import type { PlaygroundContext } from "./context.js";
import { objectType, resolverClass, type Args, type Class, type FieldSpec, type TypeFn } from "./define.js";
import type { ModelInputs } from "./inputs.js";
import { rowById } from "./loaders.js";
import { checkLimit, orderByArg, orderByOf, whereArg, whereOf } from "./lists.js";
import { asNode, Node } from "./node.js";

@ObjectType(relayNames.pageInfo, {
  description: "Where a connection's page lies in the whole list.",
  simpleResolvers: true,
})
export class PageInfo {
  @Field(() => Boolean, { description: "Rows follow this page (known when paging forward with `first`)." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "Rows precede this page (known when paging backward with `last`)." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first edge's cursor; null on an empty page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "The last edge's cursor; null on an empty page." })
  endCursor!: string | null;
}

/** What a connection field resolves to: its page of rows and what the type's fields need. */
interface ConnectionValue {
  nodes: Row[];
  keys: OrderKey[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Runs the count statement, only when `totalCount` is selected. */
  count: () => Promise<number>;
}

export function connectionArgs(inputs: ModelInputs): FieldSpec[] {
  return [
    { name: "first", type: () => Int, nullable: true, description: "Rows from the start (or from `after`)." },
    { name: "after", type: () => String, nullable: true, description: "A cursor: the rows after its row." },
    { name: "last", type: () => Int, nullable: true, description: "Rows up to the end (or up to `before`)." },
    { name: "before", type: () => String, nullable: true, description: "A cursor: the rows before its row." },
    whereArg(inputs),
    orderByArg(inputs),
  ];
}

/**
 * A connection's arguments as a list query: `first` or `last` rows plus one (the extra row says
 * whether more follow), `last` reading the order backwards, cursors as keyset bounds.
 */
export function toConnectionQuery(context: PlaygroundContext, model: ModelInfo, args: Args): ListQuery {
  const first = args.first as number | null | undefined;
  const last = args.last as number | null | undefined;
  if (first != null && last != null) {
    throw badInput("Give first or last, not both: first pages forward from after, last backward from before.", {
      argument: "last",
    });
  }
  const size = first ?? last ?? context.limits.defaultLimit;
  checkLimit(size, context.limits.maxLimit, {}, last != null ? "last" : "first");
  const orderBy = orderByOf(model, args);
  const keys = orderKeys(orderBy);
  const cursor = (argument: "after" | "before") =>
    args[argument] == null ? undefined : cursorValues(model, keys, args[argument], argument);
  return {
    where: whereOf(args),
    orderBy,
    limit: size + 1,
    offset: 0,
    after: cursor("after"),
    before: cursor("before"),
    backward: last != null,
  };
}

/** A connection value from the rows `query` read, in the order they were read. */
export function connectionValue(query: ListQuery, rows: Row[], count: () => Promise<number>): ConnectionValue {
  const size = query.limit - 1;
  const more = rows.length > size;
  const page = rows.slice(0, size);
  if (query.backward) page.reverse();
  // The other direction's flag would cost another scan; the Relay spec lets it be false.
  return {
    nodes: page,
    keys: orderKeys(query.orderBy),
    hasNextPage: !query.backward && more,
    hasPreviousPage: query.backward === true && more,
    count,
  };
}

/** A model's `XConnection` type, and the resolver class of its computed fields. */
export interface ConnectionType {
  type: TypeFn;
  fields: Class;
}

/** The `XConnection` and `XEdge` types of every model, made before the schema is built. */
export function buildConnectionTypes(
  catalog: Catalog,
  objectTypeOf: (model: ModelInfo) => TypeFn,
): Map<string, ConnectionType> {
  return new Map(
    catalog.models.map((model) => {
      const edge = objectType(model.names.edgeType, [
        { name: "cursor", type: () => String, description: "Pass as `after` or `before` to page from this row." },
        { name: "node", type: objectTypeOf(model) },
      ]);
      const connection = objectType(
        model.names.connectionType,
        [{ name: "nodes", type: () => [objectTypeOf(model)()], description: "The page's rows, as `edges { node }`." }],
        `A page of ${model.name} rows, Relay's connection.`,
      );
      return [model.name, { type: () => connection, fields: connectionFields(model, connection, edge) }];
    }),
  );
}

function connectionFields(model: ModelInfo, connection: Class, edge: Class): Class {
  const cursor = (value: ConnectionValue, row: Row | undefined) => (row ? encodeCursor(value.keys, row) : null);
  return resolverClass(
    `${model.names.connectionType}Fields`,
    [
      {
        kind: "field",
        name: "edges",
        type: () => [edge],
        resolve: (value) => {
          const connection = value as unknown as ConnectionValue;
          return connection.nodes.map((row) => ({ cursor: cursor(connection, row), node: row }));
        },
      },
      {
        kind: "field",
        name: "pageInfo",
        type: () => PageInfo,
        resolve: (value): PageInfo => {
          const connection = value as unknown as ConnectionValue;
          return {
            hasNextPage: connection.hasNextPage,
            hasPreviousPage: connection.hasPreviousPage,
            startCursor: cursor(connection, connection.nodes[0]),
            endCursor: cursor(connection, connection.nodes.at(-1)),
          };
        },
      },
      {
        kind: "field",
        name: "totalCount",
        type: () => Int,
        description: "Rows in the whole list (its `where` applied), not only on this page.",
        resolve: (value) => (value as unknown as ConnectionValue).count(),
      },
    ],
    () => connection,
  );
}

/**
 * The root fields Relay adds (`node`, and `xsConnection` for every model) and every model
 * type's `nodeId`.
 */
export function relayResolvers(
  catalog: Catalog,
  objectTypeOf: (model: ModelInfo) => TypeFn,
  connections: ReadonlyMap<string, ConnectionType>,
  inputsOf: (model: ModelInfo) => ModelInputs,
): Class[] {
  const root = resolverClass("Relay", [
    {
      kind: "query",
      name: relayNames.nodeField,
      type: () => Node,
      nullable: true,
      description: "The row with this `nodeId`, of any model, or null when there is no such row.",
      args: [{ name: relayNames.nodeId, type: () => ID }],
      resolve: async (_, args, context) => {
        const { model, id } = nodeTarget(context.catalog, args[relayNames.nodeId]);
        const row = await rowById(context, model, id);
        return row ? asNode(row, model.name) : null;
      },
    },
    ...catalog.models.map((model) => ({
      kind: "query" as const,
      name: model.names.connection,
      type: connections.get(model.name)!.type,
      description: `\`${model.names.list}\` as a Relay connection, paged by cursor.`,
      args: connectionArgs(inputsOf(model)),
      resolve: async (_: unknown, args: Args, context: PlaygroundContext) => {
        const query = toConnectionQuery(context, model, args);
        const { sql, params } = rootListStatement(context.sql.dialect, model, query);
        const rows = await context.sql.all<Row>(sql, params, model.names.connection);
        context.loaders.remember(model, rows);
        return connectionValue(query, rows, async () => {
          const count = rootCountStatement(context.sql.dialect, model, query.where);
          return (await context.sql.get<{ count: number }>(count.sql, count.params, model.names.count))!.count;
        });
      },
    })),
  ]);
  const nodeIds = catalog.models.map((model) =>
    resolverClass(
      `${model.name}NodeId`,
      [
        {
          kind: "field",
          name: relayNames.nodeId,
          type: () => ID,
          description: "Opaque and unique across every type, unlike `id` (Django's primary key, unique per model).",
          resolve: (row) => nodeId(model.name, row.id as number),
          batch: { kind: "row" },
        },
      ],
      objectTypeOf(model),
    ),
  );
  return [root, ...nodeIds, ...[...connections.values()].map((connection) => connection.fields)];
}

/** The model and id a `nodeId` argument names; BAD_USER_INPUT for text no row's nodeId can be. */
function nodeTarget(catalog: Catalog, value: unknown): { model: ModelInfo; id: number } {
  const parsed = typeof value === "string" ? parseNodeId(value) : undefined;
  const model = parsed && catalog.byName.get(parsed.model);
  if (!parsed || !model) {
    throw badInput(
      `${relayNames.nodeId}: ${JSON.stringify(value)} is not a nodeId; pass the nodeId field of a row as it was sent.`,
      { argument: relayNames.nodeId },
    );
  }
  return { model, id: parseId(parsed.id, relayNames.nodeId) };
}

/** Whether a cursor's value is one a row of `column` reads as (see ../models/values.ts). */
function fitsColumn(column: ColumnInfo, value: unknown): boolean {
  switch (column.kind) {
    case "id":
    case "int":
    case "duration":
      return Number.isSafeInteger(value);
    case "float":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return value === 0 || value === 1 || typeof value === "boolean";
    default:
      // No row holds U+0000 (inputs refuse it), and PostgreSQL cannot bind it.
      return typeof value === "string" && !value.includes("\0");
  }
}

/** A row's position in its list: the order keys' fields and the row's values for them. */
function encodeCursor(keys: readonly OrderKey[], row: Row): string {
  const fields = keys.map(({ field }) => field);
  return Buffer.from(JSON.stringify([fields, fields.map((field) => row[field] ?? null)])).toString("base64");
}

/**
 * The keyset values a cursor holds, checked against the list's order keys and the columns'
 * kinds, since they are bound into the statement: a cursor from another ordering, or made up,
 * is BAD_USER_INPUT.
 */
function cursorValues(model: ModelInfo, keys: readonly OrderKey[], cursor: unknown, argument: string): SqlValue[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(String(cursor), "base64").toString());
  } catch {
    decoded = undefined;
  }
  const [fields, values] = Array.isArray(decoded) ? (decoded as unknown[]) : [];
  const fits =
    Array.isArray(fields) &&
    Array.isArray(values) &&
    fields.length === keys.length &&
    values.length === keys.length &&
    keys.every(({ field }, i) => {
      const { hops, column } = sortColumn(model, field);
      const value: unknown = values[i];
      if (fields[i] !== field) return false;
      if (value === null) return column.nullable || hops.some((hop) => hop.keyColumn!.nullable);
      return fitsColumn(column, value);
    });
  if (!fits) {
    throw badInput(
      `${argument}: ${JSON.stringify(cursor)} is not a cursor of this list's order ` +
        `(${keys.map(({ field }) => field).join(", ")}); pass an edge's cursor from the same orderBy.`,
      { argument },
    );
  }
  return values as SqlValue[];
}
