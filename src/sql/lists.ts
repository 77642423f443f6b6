/**
 * The read statements: a root list or count, and the batched forms that load a relation for
 * many parents at once. Parent keys travel as one JSON array parameter, so a batch of any size
 * is one statement with a fixed text, far under any engine's parameter limit.
 */
import type { ColumnInfo, ModelInfo, RelationInfo } from "../catalog.js";
import { fieldName, foreignKeyIdField } from "../naming.js";
import { compileWhere, type Where } from "./where.js";
import type { Dialect, SqlValue, Statement } from "./engine.js";
import { rowObjects } from "./rows.js";
import { compared, fieldList, parentKeyType, quote, relatedRows, selectList, SqlParams, type Row } from "./syntax.js";

export type SortDirection = "ASC" | "DESC";

export interface OrderKey {
  /** A column's field (`price`), or a `Meta.ordering` key across to-one relations (`shop.name`). */
  field: string;
  direction: SortDirection;
}

export interface ListQuery {
  where?: Where | null;
  orderBy: OrderKey[];
  limit: number;
  offset: number;
  /**
   * A connection's keyset bounds: the `orderKeys` values of the row a cursor names. Only rows
   * after `after` and before `before` in the list's order are read.
   */
  after?: SqlValue[];
  before?: SqlValue[];
  /** Reads the order from its end (a connection's `last`): rows come in reverse order. */
  backward?: boolean;
}

/** The caller's order, then `id` ascending so that equal keys still page stably: `id` is unique, so rows never tie. */
export function orderKeys(orderBy: readonly OrderKey[]): OrderKey[] {
  return orderBy.some(({ field }) => field === "id") ? [...orderBy] : [...orderBy, { field: "id", direction: "ASC" }];
}

const defaultOrders = new WeakMap<ModelInfo, OrderKey[]>();

/**
 * The order of a list without `orderBy`: the model's `Meta.ordering` in the API's names
 * (`["-price", "shop__name"]` is `price DESC, shop.name ASC`), empty without one.
 */
export function defaultOrder(model: ModelInfo): OrderKey[] {
  let order = defaultOrders.get(model);
  if (order === undefined) {
    order = model.ordering.flatMap(({ path, descending }) =>
      orderingTerm(model, path.map(fieldName), descending, new Set([model])),
    );
    defaultOrders.set(model, order);
  }
  return order;
}

/**
 * One `Meta.ordering` entry as sort keys. As in Django, one that ends at a relation sorts by the
 * related model's own `Meta.ordering` (reversed by a `-`), or by the key when it has none or the
 * orderings would go round in a circle.
 */
function orderingTerm(model: ModelInfo, names: string[], descending: boolean, seen: Set<ModelInfo>): OrderKey[] {
  const { target } = toOneHops(model, names.slice(0, -1));
  const last = names.at(-1)!;
  const related = target.relationByField.get(last)?.target;
  if (related === undefined) return [{ field: names.join("."), direction: descending ? "DESC" : "ASC" }];
  if (related.ordering.length === 0 || seen.has(related)) {
    return [
      { field: [...names.slice(0, -1), foreignKeyIdField(last)].join("."), direction: descending ? "DESC" : "ASC" },
    ];
  }
  return related.ordering.flatMap((term) =>
    orderingTerm(
      model,
      [...names, ...term.path.map(fieldName)],
      term.descending !== descending,
      new Set([...seen, related]),
    ),
  );
}

/** The to-one relations named by `names` one after another from `model`, and the model they lead to. */
function toOneHops(model: ModelInfo, names: readonly string[]): { hops: RelationInfo[]; target: ModelInfo } {
  const hops: RelationInfo[] = [];
  let target = model;
  for (const name of names) {
    hops.push(target.relationByField.get(name)!);
    target = hops.at(-1)!.target;
  }
  return { hops, target };
}

/** The column a sort key reads, and the to-one relations that lead to it from the list's rows. */
export function sortColumn(model: ModelInfo, field: string): { hops: RelationInfo[]; column: ColumnInfo } {
  const names = field.split(".");
  const { hops, target } = toOneHops(model, names.slice(0, -1));
  return { hops, column: target.columnByField.get(names.at(-1)!)! };
}

/**
 * A sort key's value for the row `alias`: its column, or across relations one subquery per hop,
 * which is NULL where a key on the way is.
 */
function sortExpression(model: ModelInfo, field: string, alias: string): string {
  const { hops, column } = sortColumn(model, field);
  const columns = [...hops.map((hop) => hop.keyColumn!.column), column.column];
  let expression = `${alias}.${quote(columns[0]!)}`;
  hops.forEach((hop, i) => {
    const hopAlias = `${alias}_sort${i}`;
    expression =
      `(SELECT ${hopAlias}.${quote(columns[i + 1]!)} FROM ${quote(hop.target.table)} ${hopAlias} ` +
      `WHERE ${hopAlias}.${quote(hop.referencedColumn.column)} = ${expression})`;
  });
  return expression;
}

/** A sort key as it compares and orders (see `compared`): decimals as numbers. */
function comparedSortKey(model: ModelInfo, field: string, alias: string): string {
  return compared(sortColumn(model, field).column.kind, sortExpression(model, field, alias));
}

/**
 * The values of keys across relations, selected under the key's name so that a connection's
 * cursor can hold them; nothing for keys that are the row's own columns.
 */
function sortSelections(model: ModelInfo, query: ListQuery, alias: string): { inner: string; outer: string } {
  const across = query.orderBy.filter(({ field }) => field.includes("."));
  return {
    inner: across.map(({ field }) => `, ${sortExpression(model, field, alias)} AS ${quote(field)}`).join(""),
    outer: across.map(({ field }) => `, ${quote(field)}`).join(""),
  };
}

const reversed: Record<SortDirection, SortDirection> = { ASC: "DESC", DESC: "ASC" };

/**
 * NULL sorts before every value, spelled out because that is SQLite's own order and not
 * PostgreSQL's: both engines then order lists, and so cursors, alike.
 */
const nullsPlace: Record<SortDirection, string> = { ASC: "NULLS FIRST", DESC: "NULLS LAST" };

/** The list's order; `sortKey` gives each key's expression, by default the row `alias`'s own. */
function orderClause(
  model: ModelInfo,
  query: ListQuery,
  alias: string,
  sortKey = (field: string, _index: number) => comparedSortKey(model, field, alias),
): string {
  return orderKeys(query.orderBy)
    .map(({ field, direction }, index) => {
      const column = sortKey(field, index);
      const effective = query.backward ? reversed[direction] : direction;
      return `${column} ${effective} ${nullsPlace[effective]}`;
    })
    .join(", ");
}

/**
 * Rows strictly after (or before) the row whose order keys hold `values`, in the list's order.
 * Written out key by key (`a > ? OR (a = ? AND id > ?)`) rather than as a row-value comparison,
 * because keys may sort in different directions and NULL takes part: NULL sorts before every
 * value, as SQLite orders it, so ascending it comes first and descending last.
 */
function keysetCondition(
  model: ModelInfo,
  keys: readonly OrderKey[],
  values: readonly SqlValue[],
  side: "after" | "before",
  alias: string,
  params: SqlParams,
): string {
  const kinds = keys.map(({ field }) => sortColumn(model, field).column.kind);
  const columns = keys.map(({ field }) => comparedSortKey(model, field, alias));
  const bind = (j: number) => compared(kinds[j]!, params.bind(values[j]));
  const equal = (j: number) => (values[j] == null ? `${columns[j]} IS NULL` : `${columns[j]} = ${bind(j)}`);
  const branches: string[] = [];
  keys.forEach(({ direction }, i) => {
    const ascending = (direction === "ASC") === (side === "after");
    // Nothing sorts beyond NULL where NULL comes last; the keys after it still can.
    if (values[i] == null && !ascending) return;
    // Placeholders bind in the order they appear, so each branch binds its own values as it is written.
    const terms = columns.slice(0, i).map((_, j) => equal(j));
    const column = columns[i]!;
    if (values[i] == null) terms.push(`${column} IS NOT NULL`);
    else if (ascending) terms.push(`${column} > ${bind(i)}`);
    else terms.push(`(${column} < ${bind(i)} OR ${column} IS NULL)`);
    branches.push(`(${terms.join(" AND ")})`);
  });
  return branches.length === 0 ? "FALSE" : `(${branches.join(" OR ")})`;
}

/** The keyset conditions of a connection's `after` and `before`; TRUE for a plain list. */
function keysetConditions(model: ModelInfo, query: ListQuery, alias: string, params: SqlParams): string[] {
  const keys = orderKeys(query.orderBy);
  return [
    query.after ? keysetCondition(model, keys, query.after, "after", alias, params) : "TRUE",
    query.before ? keysetCondition(model, keys, query.before, "before", alias, params) : "TRUE",
  ];
}

/** ` WHERE a AND b`, leaving out conditions that are always true (and WHERE, if all are). */
function whereClause(...conditions: string[]): string {
  const kept = conditions.filter((condition) => condition !== "TRUE");
  return kept.length === 0 ? "" : ` WHERE ${kept.join(" AND ")}`;
}

/**
 * A root list. Each of `selectRelated` (to-one relations keyed by their target's primary key)
 * is read in the same statement, as Django's `select_related` reads it: the page of rows is
 * chosen first, in a subquery, and only its rows are joined, since a join before the LIMIT
 * looked up the related row of every row that matched (1,120 for workload 3's 100, which made
 * PostgreSQL's part of the statement half as long again). The related columns come beside each
 * row's own, named `<field>__<column>` (Django forbids `__` in field names), for `joinedRows`
 * to take out; the page keeps its order by its sort keys, selected as `__sort0`, `__sort1`...
 */
export function rootListStatement(
  dialect: Dialect,
  model: ModelInfo,
  query: ListQuery,
  selectRelated: readonly RelationInfo[] = [],
): Statement {
  const params = new SqlParams();
  const where = compileWhere(dialect, model, query.where, "t", params);
  const keyset = keysetConditions(model, query, "t", params);
  const sorts = sortSelections(model, query, "t");
  const sortValues = selectRelated.length
    ? orderKeys(query.orderBy).map(({ field }, i) => `, ${comparedSortKey(model, field, "t")} AS __sort${i}`)
    : [];
  const page =
    `SELECT ${selectList(model, "t")}${sorts.inner}${sortValues.join("")} ` +
    `FROM ${quote(model.table)} t${whereClause(where, ...keyset)} ` +
    `ORDER BY ${orderClause(model, query, "t")} LIMIT ${params.bind(query.limit)} OFFSET ${params.bind(query.offset)}`;
  if (selectRelated.length === 0) return { sql: page, params: params.values };
  const joins = selectRelated.map((relation, i) => {
    const alias = `t_related${i}`;
    return {
      select: `, ${selectList(relation.target, alias, joinedPrefix(relation))}`,
      from:
        ` LEFT JOIN ${quote(relation.target.table)} ${alias} ` +
        `ON ${alias}.${quote(relation.referencedColumn.column)} = t.${quote(relation.keyColumn!.field)}`,
    };
  });
  const sql =
    `SELECT ${fieldList(model, "t")}${sorts.outer}${joins.map((join) => join.select).join("")} ` +
    `FROM (${page}) t${joins.map((join) => join.from).join("")} ` +
    `ORDER BY ${orderClause(model, query, "t", (_, i) => `t.__sort${i}`)}`;
  return { sql, params: params.values };
}

function joinedPrefix(relation: RelationInfo): string {
  return `${relation.field}__`;
}

/**
 * The rows of `relation`'s target that a root list read by a join, once per id, shaped as the
 * engines shape a read of the target's own.
 */
export function joinedRows(rows: readonly Row[], relation: RelationInfo): Row[] {
  const prefix = joinedPrefix(relation);
  const fields = relation.target.columns.map((column) => column.field);
  const joined = fields.map((field) => prefix + field);
  const key = prefix + relation.target.primaryKey.field;
  const values = new Map<unknown, unknown[]>();
  for (const row of rows) {
    const id = row[key];
    if (id == null || values.has(id)) continue;
    values.set(
      id,
      joined.map((name) => row[name]),
    );
  }
  return rowObjects(fields, [...values.values()]);
}

export function rootCountStatement(dialect: Dialect, model: ModelInfo, where: Where | null | undefined): Statement {
  const params = new SqlParams();
  const condition = compileWhere(dialect, model, where, "t", params);
  const sql = `SELECT count(*) AS "count" FROM ${quote(model.table)} t${whereClause(condition)}`;
  return { sql, params: params.values };
}

/** A statement for a batch of parents whose rows each hold their parent's key in `parentKey`. */
export interface BatchStatement extends Statement {
  parentKey: string;
}

const parentKeyAlias = "__parent";

/**
 * Where a related row shows its parent's key. Rows of a to-one or reverse relation already hold
 * it (`car.manufacturer` rows are matched on their `id`, `manufacturer.carSet` rows on their
 * `manufacturerId`); a many-to-many row gets its link table's column, selected as `__parent`.
 */
function parentKeyOf(relation: RelationInfo, key: string): { selected: string; property: string } {
  switch (relation.kind) {
    case "toOne":
      return { selected: "", property: relation.referencedColumn.field };
    case "reverseOne":
    case "reverseMany":
      return { selected: "", property: relation.keyColumn!.field };
    case "manyToMany":
      return { selected: `, ${key} AS ${parentKeyAlias}`, property: parentKeyAlias };
  }
}

/** Rows of `model` by id, for a batch of ids (`node(nodeId:)` fields); each row's key is its `id`. */
export function rowsByIdStatement(dialect: Dialect, model: ModelInfo, ids: readonly number[]): BatchStatement {
  const sql = `SELECT ${selectList(model, "t")} FROM ${quote(model.table)} t WHERE t.${quote(model.primaryKey.column)} IN ${dialect.jsonArrayValues("integer")}`;
  return { sql, params: [JSON.stringify(ids)], parentKey: "id" };
}

/** A to-one relation (`car.manufacturer`, `person.passport`) for a batch of parent keys. */
export function relatedOneStatement(
  dialect: Dialect,
  relation: RelationInfo,
  parentKeys: readonly number[],
): BatchStatement {
  const rows = relatedRows(relation, "t");
  const parentKey = parentKeyOf(relation, rows.key);
  const sql =
    `SELECT ${selectList(relation.target, "t")}${parentKey.selected} FROM ${rows.from} ` +
    `WHERE ${rows.key} IN ${dialect.jsonArrayValues(parentKeyType(relation))}`;
  return { sql, params: [JSON.stringify(parentKeys)], parentKey: parentKey.property };
}

/**
 * A list relation for a batch of parents, each parent's rows filtered, ordered and paged on
 * their own: ROW_NUMBER() restarts for every parent, so `limit: 2` is two rows per parent.
 */
export function relatedListStatement(
  dialect: Dialect,
  relation: RelationInfo,
  query: ListQuery,
  parentKeys: readonly number[],
): BatchStatement {
  const rows = relatedRows(relation, "t");
  const parentKey = parentKeyOf(relation, rows.key);
  const params = new SqlParams();
  params.bind(JSON.stringify(parentKeys));
  const where = compileWhere(dialect, relation.target, query.where, "t", params);
  const keyset = keysetConditions(relation.target, query, "t", params);
  const sorts = sortSelections(relation.target, query, "t");
  const sql =
    `SELECT ${fieldList(relation.target)}${sorts.outer}${parentKey.selected && `, ${parentKeyAlias}`} FROM (` +
    `SELECT ${selectList(relation.target, "t")}${sorts.inner}${parentKey.selected}, ` +
    `ROW_NUMBER() OVER (PARTITION BY ${rows.key} ORDER BY ${orderClause(relation.target, query, "t")}) AS __row ` +
    `FROM ${rows.from}${whereClause(`${rows.key} IN ${dialect.jsonArrayValues(parentKeyType(relation))}`, where, ...keyset)}) ` +
    // PostgreSQL wants every subquery in FROM named.
    `AS numbered WHERE __row > ${params.bind(query.offset)} AND __row <= ${params.bind(query.offset + query.limit)} ` +
    `ORDER BY ${quote(parentKey.property)}, __row`;
  return { sql, params: params.values, parentKey: parentKey.property };
}

/** How many related rows each parent of a batch has, in one grouped statement. */
export function relatedCountStatement(
  dialect: Dialect,
  relation: RelationInfo,
  where: Where | null | undefined,
  parentKeys: readonly number[],
): BatchStatement {
  const rows = relatedRows(relation, "t");
  const params = new SqlParams();
  params.bind(JSON.stringify(parentKeys));
  const sql =
    `SELECT ${rows.key} AS ${parentKeyAlias}, count(*) AS "count" FROM ${rows.from}` +
    `${whereClause(`${rows.key} IN ${dialect.jsonArrayValues(parentKeyType(relation))}`, compileWhere(dialect, relation.target, where, "t", params))}` +
    ` GROUP BY ${rows.key}`;
  return { sql, params: params.values, parentKey: parentKeyAlias };
}
