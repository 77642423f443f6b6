/** The arguments every list takes, root or nested, and their checks. */
import { Int } from "type-graphql";
import type { ModelInfo } from "../catalog.js";
import { badInput } from "../errors.js";
import { defaultOrder, type ListQuery, type OrderKey, type SortDirection } from "../sql/lists.js";
import type { Where } from "../sql/where.js";
import type { ListLimits, PlaygroundContext } from "./context.js";
import type { Args, FieldSpec } from "./define.js";
import type { ModelInputs } from "./inputs.js";

export function whereArg(inputs: ModelInputs): FieldSpec {
  return { name: "where", type: () => inputs.where, nullable: true };
}

export function orderByArg(inputs: ModelInputs): FieldSpec {
  return {
    name: "orderBy",
    type: () => [inputs.orderBy],
    nullable: true,
    description: "Sort keys in order; `id` ascending breaks ties.",
  };
}

export function listArgs(inputs: ModelInputs): FieldSpec[] {
  return [
    whereArg(inputs),
    orderByArg(inputs),
    {
      name: "limit",
      type: () => Int,
      nullable: true,
      description: "Rows to return; the server's default applies when left out.",
    },
    { name: "offset", type: () => Int, nullable: true, description: "Rows to skip first." },
  ];
}

/**
 * Refuses a page size (`limit`, or a connection's `first` or `last`) outside 0..maxLimit: over
 * the maximum is refused, never silently cut. `details` join the error's extensions.
 */
export function checkLimit(
  limit: number,
  maxLimit: number,
  details: Record<string, unknown> = {},
  argument = "limit",
): void {
  if (limit < 0 || limit > maxLimit) {
    const paging = argument === "limit" ? "offset" : "after and before";
    throw badInput(
      `${argument} must be between 0 and ${maxLimit}; got ${limit}. Page through longer lists with ${paging}.`,
      { argument, ...details },
    );
  }
}

/** The `where` argument: graphql hands input objects over as plain data, fit for SQL and loader keys. */
export function whereOf(args: Args): Where | null {
  return (args.where as Where | null | undefined) ?? null;
}

/** Checks `limit`, `offset` and `orderBy`. */
export function toListQuery(context: PlaygroundContext, model: ModelInfo, args: Args): ListQuery {
  const { defaultLimit, maxLimit } = context.limits;
  const limit = (args.limit as number | null | undefined) ?? defaultLimit;
  const offset = (args.offset as number | null | undefined) ?? 0;
  checkLimit(limit, maxLimit);
  if (offset < 0) throw badInput(`offset cannot be negative; got ${offset}.`, { argument: "offset" });
  return { where: whereOf(args), orderBy: orderByOf(model, args), limit, offset };
}

/** The `orderBy` argument, each entry checked to name one field; the model's default order without it. */
export function orderByOf(model: ModelInfo, args: Args): OrderKey[] {
  const orderBy = args.orderBy as Array<Record<string, SortDirection | undefined>> | null | undefined;
  if (orderBy == null) return defaultOrder(model);
  return orderBy.map((entry, i) => {
    const fields = Object.entries(entry).filter(([, direction]) => direction != null);
    if (fields.length !== 1) {
      throw badInput(
        `orderBy[${i}] must name exactly one field, such as [{ ${model.columns[1]?.field ?? "id"}: ASC }, { id: DESC }]; ` +
          `it names ${fields.length}.`,
        { argument: `orderBy[${i}]` },
      );
    }
    return { field: fields[0]![0], direction: fields[0]![1]! };
  });
}

/**
 * `toQuery` for a nested list or connection, which resolves once per parent row with the same
 * arguments in a request (and most often in every request): the last query is reused while the
 * arguments, compared as JSON, and the server's limits stay the same. A plan hands every
 * request of its document one arguments object when they hold no variable, which is then not
 * even written as JSON again.
 */
export function queryPerArgs<Q>(
  model: ModelInfo,
  toQuery: (context: PlaygroundContext, model: ModelInfo, args: Args) => Q,
): (context: PlaygroundContext, args: Args) => Q {
  let last: { limits: ListLimits; argsObject: Args; args: string; query: Q } | undefined;
  return (context, args) => {
    if (last?.argsObject === args && last.limits === context.limits) return last.query;
    const json = JSON.stringify(args);
    if (!last || last.limits !== context.limits || last.args !== json) {
      last = { limits: context.limits, argsObject: args, args: json, query: toQuery(context, model, args) };
    } else last.argsObject = args;
    return last.query;
  };
}
