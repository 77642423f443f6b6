/**
 * Per-request DataLoaders for every relation and count field. A loader is named after its
 * relation (`Manufacturer.carSet`) plus the arguments of the field, so that
 * `carSet(limit: 2)` and `carSet` in one query are two batches, each one statement.
 */
import DataLoader from "dataloader";
import type { RelationInfo } from "../catalog.js";
import {
  relatedCountStatement,
  relatedListStatement,
  relatedOneStatement,
  type BatchStatement,
  type ListQuery,
} from "../sql/lists.js";
import type { Where } from "../sql/where.js";
import { loaderName } from "../naming.js";
import type { Row } from "../sql/syntax.js";
import type { PlaygroundContext } from "./context.js";

/**
 * DataLoader answers a key it already holds with a new promise that settles after the current
 * batch, to keep cached answers in order; resolvers do not need that order, and with a thousand
 * books pointing at a hundred authors those promises were a quarter of the bytes a request
 * allocated. This loader hands back the held promise itself.
 */
class RequestLoader<V> extends DataLoader<number, V> {
  constructor(
    batch: DataLoader.BatchLoadFn<number, V>,
    private readonly held: Map<number, Promise<V>> | undefined,
    name: string,
  ) {
    // Without batching every parent gets its own statement: the N+1 problem, on purpose.
    super(batch, { batch: held !== undefined, cache: held !== undefined, cacheMap: held, name });
  }

  override load(key: number): Promise<V> {
    return this.held?.get(key) ?? super.load(key);
  }
}

function loader<V>(
  context: PlaygroundContext,
  name: string,
  title: string,
  statement: (keys: readonly number[]) => BatchStatement,
  collect: (rows: Row[], keys: readonly number[], parentKey: string) => V[],
): DataLoader<number, V> {
  let existing = context.loaders.get(name) as DataLoader<number, V> | undefined;
  if (!existing) {
    existing = new RequestLoader<V>(
      async (keys) => {
        const { sql, params, parentKey } = statement(keys);
        return collect(await context.sql.all<Row>(sql, params, title), keys, parentKey);
      },
      context.batching ? new Map() : undefined,
      name,
    );
    context.loaders.set(name, existing);
  }
  return existing;
}

function groupByParent<V>(
  rows: Row[],
  keys: readonly number[],
  parentKey: string,
  empty: () => V,
  add: (group: V, row: Row) => V,
): V[] {
  const groups = new Map<number, V>();
  for (const row of rows) {
    const key = row[parentKey] as number;
    groups.set(key, add(groups.get(key) ?? empty(), row));
  }
  return keys.map((key) => groups.get(key) ?? empty());
}

/** `car.manufacturer`, `person.passport`: the related row or null. */
export function oneLoader(context: PlaygroundContext, relation: RelationInfo): DataLoader<number, Row | null> {
  const name = loaderName(relation.model.name, relation.field);
  return loader(
    context,
    name,
    name,
    (keys) => relatedOneStatement(context.sql.dialect, relation, keys),
    (rows, keys, parentKey) =>
      groupByParent<Row | null>(
        rows,
        keys,
        parentKey,
        () => null,
        (_, row) => row,
      ),
  );
}

/** Each query as JSON, computed once: nested lists reuse one query object for all their rows. */
const queryJson = new WeakMap<ListQuery, string>();

/** `manufacturer.carSet(...)`, `course.students(...)`: each parent's page of rows. */
export function listLoader(
  context: PlaygroundContext,
  relation: RelationInfo,
  query: ListQuery,
): DataLoader<number, Row[]> {
  let json = queryJson.get(query);
  if (json === undefined) queryJson.set(query, (json = JSON.stringify(query)));
  const name = loaderName(relation.model.name, relation.field);
  return loader(
    context,
    `${name}(${json})`,
    name,
    (keys) => relatedListStatement(context.sql.dialect, relation, query, keys),
    (rows, keys, parentKey) =>
      groupByParent<Row[]>(
        rows,
        keys,
        parentKey,
        () => [],
        (group, row) => {
          group.push(row);
          return group;
        },
      ),
  );
}

/** `manufacturer.carSetCount(where)`: each parent's number of related rows. */
export function countLoader(
  context: PlaygroundContext,
  relation: RelationInfo,
  where: Where | null | undefined,
): DataLoader<number, number> {
  const name = `${loaderName(relation.model.name, relation.field)}Count`;
  return loader(
    context,
    `${name}(${JSON.stringify(where ?? null)})`,
    name,
    (keys) => relatedCountStatement(context.sql.dialect, relation, where, keys),
    (rows, keys, parentKey) =>
      groupByParent<number>(
        rows,
        keys,
        parentKey,
        () => 0,
        (_, row) => row.count as number,
      ),
  );
}
