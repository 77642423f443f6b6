/**
 * Creating and updating rows with Django's field rules (`max_length`, `blank=False`,
 * `unique`, a foreign key that must exist). Every check runs before the first write, inside the
 * mutation's transaction, so a refusal leaves nothing behind.
 */
import { wordList, type ColumnInfo, type ModelInfo } from "../catalog.js";
import { badInput, conflict, notFound } from "../errors.js";
import type { Row } from "./syntax.js";
import type { SqlRunner, SqlValue } from "./runner.js";
import { keySelect, quote, selectList } from "./syntax.js";
import { parseId } from "./where.js";
import {
  asBadInput,
  booleanValue,
  checkIntegerRange,
  dateTimeValue,
  decimalValue,
  defaultValue,
  integerValue,
  nowValue,
} from "../models/values.js";

export type Input = Record<string, unknown>;

export function findRow(
  sql: SqlRunner,
  model: ModelInfo,
  id: number,
  title = model.names.one,
): Promise<Row | undefined> {
  const key = quote(model.primaryKey.column);
  return sql.get<Row>(`SELECT ${selectList(model, "t")} FROM ${quote(model.table)} t WHERE t.${key} = ?`, [id], title);
}

/** The row named by `id`, or NOT_FOUND naming the argument that held it. */
export async function requireRow(sql: SqlRunner, model: ModelInfo, rawId: unknown, argument: string): Promise<Row> {
  const id = parseId(rawId, argument);
  const row = await findRow(sql, model, id);
  if (!row)
    // Named as sent: an id past the integer range was read as one no row has.
    throw notFound(`${model.name} ${String(rawId)} does not exist (${argument}).`, {
      argument,
      model: model.name,
      id: String(rawId),
    });
  return row;
}

export async function insertRow(sql: SqlRunner, model: ModelInfo, input: Input): Promise<Row> {
  const values = await checkedValues(sql, model, withKeyDefaults(model, input), undefined);
  await setByServer(sql, model, values, "create");
  await checkUniqueTogether(sql, model, values, undefined);
  const columns = [...values.keys()].map((column) => quote(column.column));
  // A row of defaults alone (every field null or left out) has no column list to write.
  const given =
    columns.length === 0 ? "DEFAULT VALUES" : `(${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
  const [inserted] = await sql.all<{ id: number }>(
    `INSERT INTO ${quote(model.table)} ${given} RETURNING ${keySelect(model)}`,
    [...values.values()],
    model.names.create,
  );
  return (await findRow(sql, model, inserted!.id, model.names.create))!;
}

export async function updateRow(sql: SqlRunner, model: ModelInfo, existing: Row, input: Input): Promise<Row> {
  const values = await checkedValues(sql, model, input, existing.id);
  if (values.size === 0) return existing;
  // Django's save() sets auto_now fields on every save, and this one saves.
  await setByServer(sql, model, values, "update");
  await checkUniqueTogether(sql, model, values, existing);
  const assignments = [...values.keys()].map((column) => `${quote(column.column)} = ?`);
  await sql.run(
    `UPDATE ${quote(model.table)} SET ${assignments.join(", ")} WHERE ${quote(model.primaryKey.column)} = ?`,
    [...values.values(), existing.id],
    model.names.update,
  );
  return (await findRow(sql, model, existing.id, model.names.update))!;
}

/** A key left out takes its `default=`, checked like a given one (Django saves the default). */
function withKeyDefaults(model: ModelInfo, input: Input): Input {
  const defaults = model.columns.flatMap((column) =>
    input[column.field] === undefined && column.relation?.keyDefault !== undefined
      ? [[column.field, column.relation.keyDefault]]
      : [],
  );
  return defaults.length === 0 ? input : { ...input, ...Object.fromEntries(defaults) };
}

/** The given fields as column values, each checked; `selfId` is the row being updated. */
async function checkedValues(
  sql: SqlRunner,
  model: ModelInfo,
  input: Input,
  selfId: number | undefined,
): Promise<Map<ColumnInfo, SqlValue>> {
  const values = new Map<ColumnInfo, SqlValue>();
  for (const [field, raw] of Object.entries(input)) {
    if (raw === undefined) continue;
    const column = model.columnByField.get(field)!;
    const value = await checkedValue(sql, model, column, raw);
    if (column.unique && value !== null) await checkUnique(sql, model, column, value, selfId);
    values.set(column, value);
  }
  return values;
}

/**
 * What Django's save() writes in a column that a create leaves out, if anything: the default,
 * the time for auto_now and auto_now_add, or the empty text of blank or non-editable text.
 * Also what a `through=` link's other columns get when add() makes its rows.
 */
export function filledOnCreate(column: ColumnInfo, now: Date): SqlValue | undefined {
  const field = column.definition;
  if (!field) return undefined;
  if (field.autoNow || field.autoNowAdd) return nowValue(field, now);
  if (field.default !== undefined) return defaultValue(field, field.default);
  // Django's implicit default of text that may be left empty.
  if (column.kind === "string" && !column.nullable && (field.blank || !field.editable)) return "";
  return undefined;
}

/**
 * What Django's save() fills in that the input does not give: on a create every default and
 * auto_now_add, on both create and update every auto_now. A default that may collide (a unique
 * `uuid4`, a constant) is checked like a given value.
 */
async function setByServer(
  sql: SqlRunner,
  model: ModelInfo,
  values: Map<ColumnInfo, SqlValue>,
  save: "create" | "update",
): Promise<void> {
  const now = new Date();
  for (const column of model.columns) {
    const field = column.definition;
    if (!field || values.has(column)) continue;
    const value = save === "create" ? filledOnCreate(column, now) : field.autoNow ? nowValue(field, now) : undefined;
    if (value === undefined) continue;
    if (column.unique && value !== null) await checkUnique(sql, model, column, value, undefined);
    values.set(column, value);
  }
}

async function checkedValue(sql: SqlRunner, model: ModelInfo, column: ColumnInfo, raw: unknown): Promise<SqlValue> {
  const path = `${model.name}.${column.field}`;
  // Where the value sat in the request: create and update take their fields in `input`.
  const argument = `input.${column.field}`;
  if (raw === null) {
    if (column.nullable) return null;
    throw badInput(`${path} cannot be null.`, { argument });
  }
  if (column.relation) {
    const { target, referencedColumn } = column.relation;
    const title = `${model.name}.${column.field}`;
    // A `to_field` key holds that field's value, so that is what names the row.
    const id = referencedColumn.kind === "id" ? parseId(raw, argument) : (raw as SqlValue);
    const found =
      referencedColumn === target.primaryKey
        ? await findRow(sql, target, id as number, title)
        : await sql.get(
            `SELECT 1 AS "found" FROM ${quote(target.table)} WHERE ${quote(referencedColumn.column)} = ?`,
            [id],
            title,
          );
    if (!found) {
      throw notFound(`${target.name} ${String(raw)} does not exist (${argument}).`, {
        argument,
        model: target.name,
        id: String(raw),
      });
    }
    return id;
  }
  if (column.kind !== "string") return asBadInput(() => fieldValue(column, raw), path, argument);
  const text = raw as string;
  // Django refuses empty text unless the field says blank=True.
  if (text.length === 0 && !column.definition?.blank) {
    throw badInput(`${path} cannot be empty.`, { argument });
  }
  // Django's max_length counts characters, not UTF-16 code units.
  const length = [...text].length;
  if (column.maxLength !== undefined && length > column.maxLength) {
    throw badInput(`${path} is at most ${column.maxLength} characters long; this value has ${length}.`, {
      argument,
      maxLength: column.maxLength,
    });
  }
  return text;
}

/** A value that is not text, as an input gives it, in its column's stored form (../models/values.ts). */
function fieldValue(column: ColumnInfo, raw: unknown): SqlValue {
  const field = column.definition!;
  switch (column.kind) {
    case "int":
    case "bigint":
      checkIntegerRange(field.type, raw as number | bigint);
      return integerValue(raw as number | bigint);
    case "boolean":
      return booleanValue(raw);
    case "decimal":
      return decimalValue(raw as string, field.maxDigits!, field.decimalPlaces!);
    case "datetime":
      return dateTimeValue(raw as Date);
    default:
      // Floats and dates as given; the scalars read durations, times and UUIDs into their stored form.
      return raw as SqlValue;
  }
}

/** The row other than `selfId` whose `columns` hold `values`, if any: what a unique rule refuses. */
function otherRowHolding(
  sql: SqlRunner,
  model: ModelInfo,
  columns: readonly ColumnInfo[],
  values: readonly SqlValue[],
  selfId: number | undefined,
  title: string,
): Promise<{ id: number } | undefined> {
  const matches = columns.map((column) => `${quote(column.column)} = ?`).join(" AND ");
  return sql.get<{ id: number }>(
    `SELECT ${keySelect(model)} FROM ${quote(model.table)} WHERE ${matches} ` +
      `AND ${quote(model.primaryKey.column)} IS DISTINCT FROM ?`,
    [...values, selfId ?? null],
    title,
  );
}

/** Saving a row with its own current value is no conflict, as in Django's unique validation. */
async function checkUnique(
  sql: SqlRunner,
  model: ModelInfo,
  column: ColumnInfo,
  value: SqlValue,
  selfId: number | undefined,
): Promise<void> {
  const holder = await otherRowHolding(sql, model, [column], [value], selfId, `${model.name}.${column.field} unique`);
  if (!holder) return;
  const message = column.relation
    ? `${column.relation.target.name} ${value} already has a ${model.name} (${model.name} ${holder.id}); ` +
      `${model.name}.${column.relation.field} is one-to-one. Delete or update ${model.name} ${holder.id} first.`
    : `A ${model.name} with ${column.field} ${JSON.stringify(value)} already exists (${model.name} ${holder.id}); ` +
      `${model.name}.${column.field} must be unique.`;
  throw conflict(message, { argument: `input.${column.field}`, model: model.name, id: String(holder.id) });
}

/**
 * `Meta.unique_together` and `UniqueConstraint`: the set's values after this write may not be
 * another row's. As in SQL and Django, a set with a NULL in it never conflicts.
 */
async function checkUniqueTogether(
  sql: SqlRunner,
  model: ModelInfo,
  values: ReadonlyMap<ColumnInfo, SqlValue>,
  existing: Row | undefined,
): Promise<void> {
  for (const { columns, label } of model.uniqueTogether) {
    if (!columns.some((column) => values.has(column))) continue;
    const saved = columns.map((column) =>
      values.has(column) ? values.get(column)! : ((existing?.[column.field] ?? null) as SqlValue),
    );
    if (saved.includes(null)) continue;
    const holder = await otherRowHolding(sql, model, columns, saved, existing?.id, `${model.name} unique together`);
    if (!holder) continue;
    const fields = columns.map((column) => column.field);
    throw conflict(
      `${model.name} with this ${label} already exists (${model.name} ${holder.id}): ` +
        `${wordList(fields)} are unique together. Change one of them, or update ${model.name} ${holder.id} instead.`,
      { model: model.name, id: String(holder.id), fields },
    );
  }
}
