/**
 * Creating and updating rows with Django's field rules (`max_length`, `blank=False`,
 * `unique`, a foreign key that must exist). Every check runs before the first write, inside the
 * mutation's transaction, so a refusal leaves nothing behind.
 */
import type { ColumnInfo, ModelInfo } from "../catalog.js";
import { badInput, conflict, notFound } from "../errors.js";
import type { Row } from "./syntax.js";
import type { SqlRunner, SqlValue } from "./runner.js";
import { quote, selectList } from "./syntax.js";
import { parseId } from "./where.js";

export type Input = Record<string, unknown>;

export function findRow(sql: SqlRunner, model: ModelInfo, id: number): Row | undefined {
  return sql.get<Row>(`SELECT ${selectList(model, "t")} FROM ${quote(model.table)} t WHERE t."id" = ?`, [id]);
}

/** The row named by `id`, or NOT_FOUND naming the argument that held it. */
export function requireRow(sql: SqlRunner, model: ModelInfo, rawId: unknown, argument: string): Row {
  const id = parseId(rawId, argument);
  const row = findRow(sql, model, id);
  if (!row)
    throw notFound(`${model.name} ${id} does not exist (${argument}).`, {
      argument,
      model: model.name,
      id: String(id),
    });
  return row;
}

export function insertRow(sql: SqlRunner, model: ModelInfo, input: Input): Row {
  const values = checkedValues(sql, model, input, undefined);
  const columns = [...values.keys()].map((column) => quote(column.column));
  const { lastInsertRowid } = sql.run(
    `INSERT INTO ${quote(model.table)} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
    [...values.values()],
  );
  return findRow(sql, model, Number(lastInsertRowid))!;
}

export function updateRow(sql: SqlRunner, model: ModelInfo, existing: Row, input: Input): Row {
  const values = checkedValues(sql, model, input, existing.id);
  if (values.size === 0) return existing;
  const assignments = [...values.keys()].map((column) => `${quote(column.column)} = ?`);
  sql.run(`UPDATE ${quote(model.table)} SET ${assignments.join(", ")} WHERE "id" = ?`, [
    ...values.values(),
    existing.id,
  ]);
  return findRow(sql, model, existing.id)!;
}

/** The given fields as column values, each checked; `selfId` is the row being updated. */
function checkedValues(
  sql: SqlRunner,
  model: ModelInfo,
  input: Input,
  selfId: number | undefined,
): Map<ColumnInfo, SqlValue> {
  const values = new Map<ColumnInfo, SqlValue>();
  for (const [field, raw] of Object.entries(input)) {
    if (raw === undefined) continue;
    const column = model.columnByField.get(field)!;
    const value = checkedValue(sql, model, column, raw);
    if (column.unique && value !== null) checkUnique(sql, model, column, value, selfId);
    values.set(column, value);
  }
  return values;
}

function checkedValue(sql: SqlRunner, model: ModelInfo, column: ColumnInfo, raw: unknown): SqlValue {
  const path = `${model.name}.${column.field}`;
  if (raw === null) {
    if (column.nullable) return null;
    throw badInput(`${path} cannot be null.`, { argument: column.field });
  }
  if (column.relation) {
    const target = column.relation.target;
    const id = parseId(raw, column.field);
    if (!findRow(sql, target, id)) {
      throw notFound(`${target.name} ${id} does not exist (${column.field}).`, {
        argument: column.field,
        model: target.name,
        id: String(id),
      });
    }
    return id;
  }
  const text = raw as string;
  if (column.kind === "string" && text.length === 0) {
    throw badInput(`${path} cannot be empty.`, { argument: column.field });
  }
  // Django's max_length counts characters, not UTF-16 code units.
  const length = [...text].length;
  if (column.maxLength !== undefined && length > column.maxLength) {
    throw badInput(`${path} is at most ${column.maxLength} characters long; this value has ${length}.`, {
      argument: column.field,
      maxLength: column.maxLength,
    });
  }
  return text;
}

/** Saving a row with its own current value is no conflict, as in Django's unique validation. */
function checkUnique(
  sql: SqlRunner,
  model: ModelInfo,
  column: ColumnInfo,
  value: SqlValue,
  selfId: number | undefined,
): void {
  const holder = sql.get<{ id: number }>(
    `SELECT "id" FROM ${quote(model.table)} WHERE ${quote(column.column)} = ? AND "id" IS NOT ?`,
    [value, selfId ?? null],
  );
  if (!holder) return;
  const message = column.relation
    ? `${column.relation.target.name} ${value} already has a ${model.name} (${model.name} ${holder.id}); ` +
      `${model.name}.${column.relation.field} is one-to-one. Delete or update ${model.name} ${holder.id} first.`
    : `A ${model.name} with ${column.field} ${JSON.stringify(value)} already exists (${model.name} ${holder.id}); ` +
      `${model.name}.${column.field} must be unique.`;
  throw conflict(message, { argument: column.field, model: model.name, id: String(holder.id) });
}
