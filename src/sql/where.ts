/**
 * `where` inputs compiled to SQL. Field names come only from the catalog (so only from the
 * schema); every value is a bound parameter, never spliced into the text.
 */
import type { ColumnInfo, ModelInfo, RelationInfo } from "../catalog.js";
import { badInput } from "../errors.js";
import { jsonArrayValues, quote, relatedRows, type SqlParams } from "./syntax.js";

export type Where = { [field: string]: unknown };
type Operators = { [operator: string]: unknown };

/**
 * An id as the contract defines it: any base-10 integer, written as a string ("1", "0", "-1",
 * "99999999999999999999"); only text that is no such integer is BAD_USER_INPUT. A well-formed
 * id may name no row, and the callers say what that means (null, NOT_FOUND, no match).
 */
export function parseId(value: unknown, path: string): number {
  const integer =
    typeof value === "number" ? Number.isInteger(value) : typeof value === "string" && /^-?\d+$/.test(value);
  if (!integer) {
    throw badInput(`${path}: ${JSON.stringify(value)} is not an id; ids are whole numbers such as "1".`, {
      argument: path,
    });
  }
  const id = Number(value);
  // Past the safe integers a number no longer holds an id exactly (two ids could read as one
  // row's), and a value past the database's integer range is a range error when bound. Rows take
  // their ids from the table's sequence, from 1 up, so no row has such an id, nor the id 0 that
  // stands for it: eq and in still match nothing, ne and notIn everything.
  return Number.isSafeInteger(id) ? id : 0;
}

function toSqlValue(column: ColumnInfo, value: unknown, path: string): string | number {
  return column.kind === "id" ? parseId(value, path) : (value as string);
}

/** Binds `values` as one JSON array and reads them back as rows. */
function boundArray(values: unknown, params: SqlParams): string {
  params.bind(JSON.stringify(values));
  return jsonArrayValues;
}

/** One comparison on one column; `value` is already checked non-null unless said otherwise. */
const operatorSql: Record<string, (column: string, value: unknown, params: SqlParams) => string> = {
  eq: (column, value, params) => (value === null ? `${column} IS NULL` : `${column} = ${params.bind(value)}`),
  ne: (column, value, params) => (value === null ? `${column} IS NOT NULL` : `${column} IS NOT ${params.bind(value)}`),
  in: (column, values, params) => `${column} IN ${boundArray(values, params)}`,
  notIn: (column, values, params) => `(${column} IS NULL OR ${column} NOT IN ${boundArray(values, params)})`,
  lt: (column, value, params) => `${column} < ${params.bind(value)}`,
  lte: (column, value, params) => `${column} <= ${params.bind(value)}`,
  gt: (column, value, params) => `${column} > ${params.bind(value)}`,
  gte: (column, value, params) => `${column} >= ${params.bind(value)}`,
  // instr and substr compare exactly, as Django's contains/startswith do; LIKE would fold
  // case and give `%` and `_` a meaning.
  contains: (column, value, params) => `instr(${column}, ${params.bind(value)}) > 0`,
  startsWith: (column, value, params) => `substr(${column}, 1, length(${params.bind(value)})) = ${params.bind(value)}`,
  endsWith: (column, value, params) =>
    `substr(${column}, length(${column}) - length(${params.bind(value)}) + 1) = ${params.bind(value)}`,
  isNull: (column, value) => (value ? `${column} IS NULL` : `${column} IS NOT NULL`),
};

const nullableOperators = new Set(["eq", "ne"]);

/**
 * Compiles `where` for rows of `model` aliased `alias`. Nested relation filters get aliases
 * `alias_1`, `alias_1_1`... so that each EXISTS sees its own rows and its parent's.
 */
export function compileWhere(
  model: ModelInfo,
  where: Where | null | undefined,
  alias: string,
  params: SqlParams,
  path = "where",
): string {
  if (!where) return "1";
  const terms: string[] = [];
  let nested = 0;
  for (const [field, value] of Object.entries(where)) {
    if (value === undefined) continue;
    const fieldPath = `${path}.${field}`;
    if (field === "AND" || field === "OR") {
      const parts = requireValue(value, fieldPath) as Where[];
      const compiled = parts.map((part, i) => compileWhere(model, part, alias, params, `${fieldPath}[${i}]`));
      terms.push(compiled.length === 0 ? (field === "AND" ? "1" : "0") : `(${compiled.join(` ${field} `)})`);
    } else if (field === "NOT") {
      terms.push(
        `NOT coalesce(${compileWhere(model, requireValue(value, fieldPath) as Where, alias, params, fieldPath)}, 0)`,
      );
    } else if (model.columnByField.has(field)) {
      terms.push(...compileOperators(model.columnByField.get(field)!, value as Operators, alias, params, fieldPath));
    } else {
      const relation = model.relationByField.get(field)!;
      terms.push(compileRelation(relation, value as Operators, alias, `${alias}_${++nested}`, params, fieldPath));
    }
  }
  return terms.length === 0 ? "1" : terms.join(" AND ");
}

function requireValue(value: unknown, path: string): unknown {
  if (value === null) throw badInput(`${path} cannot be null; leave it out instead.`, { argument: path });
  return value;
}

function compileOperators(
  column: ColumnInfo,
  operators: Operators | null,
  alias: string,
  params: SqlParams,
  path: string,
): string[] {
  const target = `${alias}.${quote(column.column)}`;
  const terms: string[] = [];
  for (const [operator, raw] of Object.entries(requireValue(operators, path) as Operators)) {
    if (raw === undefined) continue;
    const operatorPath = `${path}.${operator}`;
    if (raw === null && !nullableOperators.has(operator)) {
      throw badInput(`${operatorPath} cannot be null; to match missing values use isNull: true.`, {
        argument: operatorPath,
      });
    }
    const value =
      raw === null || operator === "isNull"
        ? raw
        : Array.isArray(raw)
          ? raw.map((item, i) => toSqlValue(column, item, `${operatorPath}[${i}]`))
          : toSqlValue(column, raw, operatorPath);
    terms.push(operatorSql[operator]!(target, value, params));
  }
  return terms;
}

/**
 * A to-one relation takes the related model's where; a list takes `some`, `every` or `none`.
 * `every` holds for a parent with no related rows, as SQL's `NOT EXISTS` does.
 */
function compileRelation(
  relation: RelationInfo,
  filter: Operators | null,
  outer: string,
  inner: string,
  params: SqlParams,
  path: string,
): string {
  requireValue(filter, path);
  const rows = relatedRows(relation, inner);
  const exists = (condition: string) =>
    `EXISTS (SELECT 1 FROM ${rows.from} WHERE ${rows.key} = ${outer}.${quote(rows.parentColumn)}` +
    `${condition === "1" ? "" : ` AND ${condition}`})`;
  if (!relation.isList) return exists(compileWhere(relation.target, filter as Where, inner, params, path));
  const terms: string[] = [];
  for (const [quantifier, where] of Object.entries(filter as Operators)) {
    if (where === undefined) continue;
    const quantifierPath = `${path}.${quantifier}`;
    const condition = compileWhere(
      relation.target,
      requireValue(where, quantifierPath) as Where,
      inner,
      params,
      quantifierPath,
    );
    if (quantifier === "some") terms.push(exists(condition));
    else if (quantifier === "none") terms.push(`NOT ${exists(condition)}`);
    else terms.push(`NOT ${exists(`NOT coalesce(${condition}, 0)`)}`);
  }
  return terms.length === 0 ? "1" : terms.join(" AND ");
}
