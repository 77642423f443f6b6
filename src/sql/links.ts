/**
 * Many-to-many links with Django's related-manager semantics: `add` twice is harmless,
 * `remove` of a missing link is a no-op, `set` touches only what differs, `clear` empties.
 * Every id is checked first, so one unknown id writes nothing. A symmetrical `"self"` link is
 * stored both ways (`a.friends.add(b)` also makes `b` a friend of `a`), and a `through=` link is
 * a row of the through model, whose other fields take their defaults or NULL.
 */
import type { ColumnInfo, RelationInfo } from "../catalog.js";
import { badInput, notFound } from "../errors.js";
import { linkMutationName, type LinkAction } from "../naming.js";
import type { SqlRunner, SqlValue } from "./runner.js";
import { keySelect, quote } from "./syntax.js";
import { parseId } from "./where.js";
import { filledOnCreate } from "./writes.js";

/** The distinct target ids, checked to exist. */
export async function requireTargets(
  sql: SqlRunner,
  relation: RelationInfo,
  rawIds: readonly unknown[],
  argument: string,
): Promise<number[]> {
  // Each id as sent, by the value it was read as (one past the integer range reads as 0).
  const sent = new Map(rawIds.map((raw, i) => [parseId(raw, `${argument}[${i}]`), String(raw)]));
  const ids = [...sent.keys()];
  const { target } = relation;
  const rows = await sql.all<{ id: number }>(
    `SELECT ${keySelect(target)} FROM ${quote(target.table)} WHERE ${quote(target.primaryKey.column)} IN ${sql.dialect.jsonArrayValues("integer")}`,
    [JSON.stringify(ids)],
    `${relation.model.name}.${relation.field} targets`,
  );
  const found = new Set(rows.map((row) => row.id));
  const missing = ids.filter((id) => !found.has(id)).map((id) => sent.get(id)!);
  if (missing.length > 0) {
    throw notFound(
      `${relation.target.name} ${missing.join(", ")} ${missing.length === 1 ? "does" : "do"} not exist (${argument}); no link was changed.`,
      { argument, model: relation.target.name, ids: missing },
    );
  }
  return ids;
}

/** The through model's columns besides the link's two keys, and the value a new link row gets in each. */
function throughExtras(relation: RelationInfo): Array<{ column: ColumnInfo; value: SqlValue | undefined }> {
  const { through, sourceColumn, targetColumn } = relation.join!;
  if (!through) return [];
  const now = new Date();
  return through.columns
    .filter(
      (column) => column !== through.primaryKey && column.column !== sourceColumn && column.column !== targetColumn,
    )
    .map((column) => ({
      column,
      value:
        column.relation?.keyDefault !== undefined
          ? column.relation.keyDefault
          : (filledOnCreate(column, now) ?? (column.nullable ? null : undefined)),
    }));
}

/**
 * As Django 4 decides for `add()` and `set()` on a `through=` link: they work when every other
 * field of the through model has a default or may be null; otherwise the link rows need values
 * only a create of the through model can give, and the call is refused. `remove` and `clear`
 * always work.
 */
export function checkThroughAdd(relation: RelationInfo, action: LinkAction): void {
  if (action !== "add" && action !== "set") return;
  const required = throughExtras(relation).filter(({ value }) => value === undefined);
  if (required.length === 0) return;
  const through = relation.join!.through!;
  const fields = required.map(({ column }) => column.field).join(", ");
  throw badInput(
    `${linkMutationName(action, relation.model.name, relation.field)} cannot make ${through.name} rows: ` +
      `${through.name}.${fields} ${required.length === 1 ? "has" : "have"} no default and may not be null. ` +
      `Create the links with ${through.names.create} instead; ${linkMutationName("remove", relation.model.name, relation.field)} ` +
      `and ${linkMutationName("clear", relation.model.name, relation.field)} still work.`,
    { model: through.name, fields: required.map(({ column }) => column.field) },
  );
}

export async function changeLinks(
  sql: SqlRunner,
  relation: RelationInfo,
  action: LinkAction,
  ownerId: number,
  ids: number[],
): Promise<void> {
  const join = relation.join!;
  const table = quote(join.table);
  const source = quote(join.sourceColumn);
  const target = quote(join.targetColumn);
  const idList = JSON.stringify(ids);
  const values = sql.dialect.jsonArrayValues("integer");
  const title = linkMutationName(action, relation.model.name, relation.field);
  // Each direction a link is stored in, as (owner's column, other's column).
  const directions = join.symmetrical
    ? [[source, target] as const, [target, source] as const]
    : [[source, target] as const];
  const extras = throughExtras(relation);
  const extraColumns = extras.map(({ column }) => `, ${quote(column.column)}`).join("");
  const extraValues = extras.map(() => ", ?").join("");
  const insertMissing = async () => {
    for (const [from, to] of directions) {
      const params = [ownerId, ...extras.map(({ value }) => value!), idList];
      // Django's own join table holds the pair unique: ON CONFLICT DO NOTHING makes adding a
      // link twice harmless, also when two servers add it at once (`WHERE TRUE` keeps SQLite
      // from reading ON CONFLICT as a join's ON). A through model need not hold the pair
      // unique, so its rows are added only where missing.
      const missing = join.through
        ? `WHERE NOT EXISTS (SELECT 1 FROM ${table} AS existing WHERE existing.${from} = ? AND existing.${to} = added.value)`
        : "WHERE TRUE ON CONFLICT DO NOTHING";
      await sql.run(
        `INSERT INTO ${table} (${from}, ${to}${extraColumns}) SELECT ?, value${extraValues} FROM ${values} AS added ${missing}`,
        join.through ? [...params, ownerId] : params,
        title,
      );
    }
  };
  /** The owner's links, in every direction, to the ids (`IN`), to all but them (`NOT IN`), or all. */
  const owned = (targets?: "IN" | "NOT IN"): [string, SqlValue[]] => {
    const terms = directions.map(([from, to]) =>
      targets ? `${from} = ? AND ${to} ${targets} ${values}` : `${from} = ?`,
    );
    const params = directions.flatMap(() => (targets ? [ownerId, idList] : [ownerId]));
    return [terms.length === 1 ? terms[0]! : terms.map((term) => `(${term})`).join(" OR "), params];
  };
  const deleteOwned = async (targets?: "IN" | "NOT IN") => {
    const [condition, params] = owned(targets);
    await sql.run(`DELETE FROM ${table} WHERE ${condition}`, params, title);
  };
  switch (action) {
    case "add":
      await insertMissing();
      return;
    case "remove":
      await deleteOwned("IN");
      return;
    case "set":
      await deleteOwned("NOT IN");
      await insertMissing();
      return;
    case "clear":
      await deleteOwned();
      return;
  }
}
