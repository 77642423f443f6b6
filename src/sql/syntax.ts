/** The few pieces of SQL text that every query shares. */
import type { ColumnInfo, ModelInfo, RelationInfo, ScalarKind } from "../catalog.js";
import type { SqlValue } from "./engine.js";

/** Table names such as `order`, `group` and `user` are SQL keywords: quote every identifier. */
export function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/** Collects bound values in the order their placeholders appear in the text. */
export class SqlParams {
  readonly values: SqlValue[] = [];

  bind(value: unknown): string {
    this.values.push(value as SqlValue);
    return "?";
  }
}

const selectLists = new Map<string, string>();

/**
 * `t."id" AS "id", t."model_name" AS "modelName", t."manufacturer_id" AS "manufacturerId"`; with
 * a `prefix`, each name starts with it (a joined row's columns beside its parent's).
 */
export function selectList(model: ModelInfo, alias: string, prefix = ""): string {
  const key = `${model.name} ${alias} ${prefix}`;
  let list = selectLists.get(key);
  if (list === undefined) {
    list = model.columns.map((column) => `${selected(column, alias)} AS ${quote(prefix + column.field)}`).join(", ");
    selectLists.set(key, list);
  }
  return list;
}

/**
 * A column as it is read: big integers as their digits, since both drivers would round one past
 * the safe integers to a JavaScript number (the BigInt scalar sends the digits on).
 */
function selected(column: ColumnInfo, alias: string): string {
  const name = `${alias}.${quote(column.column)}`;
  return column.kind === "bigint" ? `CAST(${name} AS TEXT)` : name;
}

/**
 * A column or bound value as SQL compares and orders it: decimals are text on SQLite (and
 * numeric on PostgreSQL, where the cast changes nothing) and compare as numbers.
 */
export function compared(kind: ScalarKind, expression: string): string {
  return kind === "decimal" ? `CAST(${expression} AS NUMERIC)` : expression;
}

const fieldLists = new Map<string, string>();

/**
 * `"id", "modelName", "manufacturerId"`: the columns of `selectList`, by the names it gives them,
 * from the subquery `alias` where other tables join it.
 */
export function fieldList(model: ModelInfo, alias?: string): string {
  const key = `${model.name} ${alias ?? ""}`;
  let list = fieldLists.get(key);
  if (list === undefined) {
    const from = alias ? `${alias}.` : "";
    list = model.columns.map((column) => from + quote(column.field)).join(", ");
    fieldLists.set(key, list);
  }
  return list;
}

/**
 * The rows a relation reaches, aliased `alias`: `from` to put after FROM, `key` the expression
 * that equals the parent's `parentColumn` on related rows. Loaders compare `key` with a batch of
 * parent keys; relation filters compare it with the outer row in an EXISTS.
 */
export function relatedRows(
  relation: RelationInfo,
  alias: string,
): { from: string; key: string; parentColumn: string } {
  const table = `${quote(relation.target.table)} ${alias}`;
  const referenced = relation.referencedColumn.column;
  switch (relation.kind) {
    case "toOne":
      return { from: table, key: `${alias}.${quote(referenced)}`, parentColumn: relation.keyColumn!.column };
    case "reverseOne":
    case "reverseMany":
      return { from: table, key: `${alias}.${quote(relation.keyColumn!.column)}`, parentColumn: referenced };
    case "manyToMany": {
      const join = relation.join!;
      const link = `${alias}_link`;
      const targetKey = quote(relation.target.primaryKey.column);
      return {
        from: `${quote(join.table)} ${link} JOIN ${table} ON ${alias}.${targetKey} = ${link}.${quote(join.targetColumn)}`,
        key: `${link}.${quote(join.sourceColumn)}`,
        parentColumn: referenced,
      };
    }
  }
}

/** The primary key selected as the API's `id`: `"id"`, or `"code" AS "id"` for a key named otherwise. */
export function keySelect(model: ModelInfo): string {
  const column = model.primaryKey.column;
  return column === "id" ? quote(column) : `${quote(column)} AS "id"`;
}

/** The value on a parent row that `relatedRows(...).key` is compared with. */
export function parentKeyField(relation: RelationInfo): string {
  return relation.kind === "toOne" ? relation.keyColumn!.field : relation.referencedColumn.field;
}

/** How a batch of parent keys is bound: ids, or the text of a `to_field` key. */
export function parentKeyType(relation: RelationInfo): "integer" | "text" {
  const key = relation.kind === "toOne" ? relation.keyColumn! : relation.referencedColumn;
  return key.kind === "id" || key.kind === "int" ? "integer" : "text";
}

/** A row as the API serves it: plain properties named like the GraphQL fields. */
export type Row = Record<string, unknown> & { id: number };
