/**
 * `where` inputs compiled to SQL. Field names come only from the catalog (so only from the
 * schema); every value is a bound parameter, never spliced into the text.
 */
import type { ColumnInfo, ModelInfo, RelationInfo } from "../catalog.js";
import { badInput } from "../errors.js";
import { asBadInput, booleanValue, dateTimeValue, decimalOperand, integerValue } from "../models/values.js";
import type { ArrayKind, Dialect } from "./engine.js";
import { compared, quote, relatedRows, type SqlParams } from "./syntax.js";

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

/**
 * A filter's value in the stored form of its column (see ../models/values.ts). The scalars
 * already read durations, times and UUIDs into it; a decimal may have any digits here, since a
 * filter compares and stores nothing.
 */
function toSqlValue(column: ColumnInfo, value: unknown, path: string): string | number {
  return asBadInput(
    () => {
      switch (column.kind) {
        case "id":
          return parseId(value, path);
        case "boolean":
          return booleanValue(value);
        case "bigint":
          return integerValue(value as number | bigint);
        case "decimal":
          return decimalOperand(value as string);
        case "datetime":
          return dateTimeValue(value as Date);
        default:
          return value as string | number;
      }
    },
    path,
    path,
  );
}

const arrayKinds: Record<ColumnInfo["kind"], ArrayKind> = {
  id: "integer",
  int: "integer",
  bigint: "integer",
  duration: "integer",
  float: "numeric",
  decimal: "numeric",
  boolean: "integer",
  string: "text",
  date: "date",
  datetime: "timestamptz",
  time: "time",
  uuid: "uuid",
};

/**
 * One comparison on one column; `value` is already checked non-null unless said otherwise.
 * `column` is the column as it compares, and `bind` binds a value to compare with it.
 */
interface Comparison {
  column: string;
  kind: ColumnInfo["kind"];
  value: unknown;
  params: SqlParams;
  bind: (value: unknown) => string;
  dialect: Dialect;
}

/** Binds the comparison's values as one JSON array and reads them back as rows. */
function boundArray({ value, params, kind, dialect }: Comparison): string {
  params.bind(JSON.stringify(value));
  return dialect.jsonArrayValues(arrayKinds[kind]);
}

const operatorSql: Record<string, (comparison: Comparison) => string> = {
  eq: ({ column, value, bind }) => (value === null ? `${column} IS NULL` : `${column} = ${bind(value)}`),
  ne: ({ column, value, bind }) =>
    value === null ? `${column} IS NOT NULL` : `${column} IS DISTINCT FROM ${bind(value)}`,
  in: (comparison) => `${comparison.column} IN ${boundArray(comparison)}`,
  notIn: (comparison) => `(${comparison.column} IS NULL OR ${comparison.column} NOT IN ${boundArray(comparison)})`,
  lt: ({ column, value, bind }) => `${column} < ${bind(value)}`,
  lte: ({ column, value, bind }) => `${column} <= ${bind(value)}`,
  gt: ({ column, value, bind }) => `${column} > ${bind(value)}`,
  gte: ({ column, value, bind }) => `${column} >= ${bind(value)}`,
  // These compare exactly, as Django's contains/startswith do; LIKE would fold case and give
  // `%` and `_` a meaning.
  contains: ({ column, value, params, dialect }) => dialect.contains(column, params.bind(value)),
  startsWith: ({ column, value, params }) =>
    `substr(${column}, 1, length(${params.bind(value)})) = ${params.bind(value)}`,
  endsWith: ({ column, value, params }) =>
    `substr(${column}, length(${column}) - length(${params.bind(value)}) + 1) = ${params.bind(value)}`,
  isNull: ({ column, value }) => (value ? `${column} IS NULL` : `${column} IS NOT NULL`),
};

const nullableOperators = new Set(["eq", "ne"]);

/** Where a `where` is being compiled: the rows it filters and how it got there. */
interface Scope {
  dialect: Dialect;
  params: SqlParams;
  /** Relation hops (EXISTS subqueries) between the statement's rows and these. */
  hops: number;
}

/**
 * Compiles `where` for rows of `model` aliased `alias`. Nested relation filters get aliases
 * `alias_1`, `alias_1_1`... so that each EXISTS sees its own rows and its parent's.
 */
export function compileWhere(
  dialect: Dialect,
  model: ModelInfo,
  where: Where | null | undefined,
  alias: string,
  params: SqlParams,
): string {
  return compileIn({ dialect, params, hops: 0 }, model, where, alias, "where");
}

function compileIn(
  scope: Scope,
  model: ModelInfo,
  where: Where | null | undefined,
  alias: string,
  path: string,
): string {
  if (!where) return "TRUE";
  const terms: string[] = [];
  let nested = 0;
  for (const [field, value] of Object.entries(where)) {
    if (value === undefined) continue;
    const fieldPath = `${path}.${field}`;
    if (field === "AND" || field === "OR") {
      const parts = requireValue(value, fieldPath) as Where[];
      const compiled = parts.map((part, i) => compileIn(scope, model, part, alias, `${fieldPath}[${i}]`));
      terms.push(compiled.length === 0 ? (field === "AND" ? "TRUE" : "FALSE") : `(${compiled.join(` ${field} `)})`);
    } else if (field === "NOT") {
      terms.push(
        `NOT coalesce(${compileIn(scope, model, requireValue(value, fieldPath) as Where, alias, fieldPath)}, FALSE)`,
      );
    } else if (model.columnByField.has(field)) {
      terms.push(...compileOperators(scope, model.columnByField.get(field)!, value as Operators, alias, fieldPath));
    } else {
      const relation = model.relationByField.get(field)!;
      terms.push(compileRelation(scope, relation, value as Operators, alias, `${alias}_${++nested}`, fieldPath));
    }
  }
  return terms.length === 0 ? "TRUE" : terms.join(" AND ");
}

function requireValue(value: unknown, path: string): unknown {
  if (value === null) throw badInput(`${path} cannot be null; leave it out instead.`, { argument: path });
  return value;
}

function compileOperators(
  { dialect, params }: Scope,
  column: ColumnInfo,
  operators: Operators | null,
  alias: string,
  path: string,
): string[] {
  const target = compared(column.kind, `${alias}.${quote(column.column)}`);
  const bind = (value: unknown) => compared(column.kind, params.bind(value));
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
    terms.push(operatorSql[operator]!({ column: target, kind: column.kind, value, params, bind, dialect }));
  }
  return terms;
}

/**
 * A to-one relation takes the related model's where; a list takes `some`, `every` or `none`.
 * `every` holds for a parent with no related rows, as SQL's `NOT EXISTS` does.
 */
function compileRelation(
  scope: Scope,
  relation: RelationInfo,
  filter: Operators | null,
  outer: string,
  inner: string,
  path: string,
): string {
  requireValue(filter, path);
  const rows = relatedRows(relation, inner);
  const innerScope = { ...scope, hops: scope.hops + 1 };
  // One hop reads at most the rows the relation links, each through an index; from the second
  // hop on, the work multiplies with every level, so that is where the deadline is checked.
  const check = innerScope.hops >= 2 ? scope.dialect.deadlineCheck : undefined;
  const exists = (condition: string) =>
    `EXISTS (SELECT 1 FROM ${rows.from} WHERE ${rows.key} = ${outer}.${quote(rows.parentColumn)}` +
    `${check ? ` AND ${check}` : ""}${condition === "TRUE" ? "" : ` AND ${condition}`})`;
  // On the statement's own rows, "some related row matches" is a semi-join: the keys of the
  // matching related rows are read once, where a correlated EXISTS runs again for every row
  // (SQLite then scans the whole table, and sorts, as in books filtered on their author).
  // NULL keys make IN answer NULL, not FALSE, which every negation here reads as FALSE.
  // Deeper hops keep EXISTS, and with it the deadline check.
  const some = (condition: string) =>
    scope.hops > 0
      ? exists(condition)
      : `${outer}.${quote(rows.parentColumn)} IN (SELECT ${rows.key} FROM ${rows.from}` +
        `${condition === "TRUE" ? "" : ` WHERE ${condition}`})`;
  if (!relation.isList) return some(compileIn(innerScope, relation.target, filter as Where, inner, path));
  const terms: string[] = [];
  for (const [quantifier, where] of Object.entries(filter as Operators)) {
    if (where === undefined) continue;
    const quantifierPath = `${path}.${quantifier}`;
    const condition = compileIn(
      innerScope,
      relation.target,
      requireValue(where, quantifierPath) as Where,
      inner,
      quantifierPath,
    );
    if (quantifier === "some") terms.push(some(condition));
    else if (quantifier === "none") terms.push(`NOT ${exists(condition)}`);
    else terms.push(`NOT ${exists(`NOT coalesce(${condition}, FALSE)`)}`);
  }
  return terms.length === 0 ? "TRUE" : terms.join(" AND ");
}
