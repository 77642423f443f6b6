/**
 * Many-to-many links with Django's related-manager semantics: `add` twice is harmless,
 * `remove` of a missing link is a no-op, `set` touches only what differs, `clear` empties.
 * Every id is checked first, so one unknown id writes nothing.
 */
import type { RelationInfo } from "../catalog.js";
import { notFound } from "../errors.js";
import { linkMutationName, type LinkAction } from "../naming.js";
import type { SqlRunner } from "./runner.js";
import { quote } from "./syntax.js";
import { parseId } from "./where.js";

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
  const rows = await sql.all<{ id: number }>(
    `SELECT "id" FROM ${quote(relation.target.table)} WHERE "id" IN ${sql.dialect.jsonArrayValues("integer")}`,
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
  // ON CONFLICT DO NOTHING against the pair's unique key: adding a link twice is harmless,
  // also when two servers add it at once. (`WHERE TRUE` keeps SQLite from reading ON CONFLICT
  // as a join's ON.)
  const insertMissing = () =>
    sql.run(
      `INSERT INTO ${table} (${source}, ${target}) SELECT ?, value FROM ${values} AS added WHERE TRUE ON CONFLICT DO NOTHING`,
      [ownerId, idList],
      title,
    );
  switch (action) {
    case "add":
      await insertMissing();
      return;
    case "remove":
      await sql.run(`DELETE FROM ${table} WHERE ${source} = ? AND ${target} IN ${values}`, [ownerId, idList], title);
      return;
    case "set":
      await sql.run(
        `DELETE FROM ${table} WHERE ${source} = ? AND ${target} NOT IN ${values}`,
        [ownerId, idList],
        title,
      );
      await insertMissing();
      return;
    case "clear":
      await sql.run(`DELETE FROM ${table} WHERE ${source} = ?`, [ownerId], title);
      return;
  }
}
