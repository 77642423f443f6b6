/**
 * The root fields of every model: `x`, `xs`, `xsCount`, `createX`, `updateX`, `deleteX`, and
 * `add/remove/set/clear` for each side of each many-to-many relation. Each mutation is one
 * transaction; reads run outside any.
 */
import { Field, ID, Int, ObjectType } from "type-graphql";
import type { ModelInfo, RelationInfo } from "../catalog.js";
import { linkActions, linkMutationName, linkOwnerArg, nodeId } from "../naming.js";
import { deleteWithCollector } from "../sql/collector.js";
import { changeLinks, checkThroughAdd, requireTargets } from "../sql/links.js";
import { joinedRows, rootCountStatement, rootListStatement } from "../sql/lists.js";
import type { Row } from "../sql/syntax.js";
import { parseId } from "../sql/where.js";
import { findRow, insertRow, requireRow, updateRow, type Input } from "../sql/writes.js";
import type { Dialect, Statement } from "../sql/engine.js";
import type { ListLimits, PlaygroundContext } from "./context.js";
import { resolverClass, type Args, type OperationSpec, type TypeFn } from "./define.js";
import { djangoLinkCall } from "./docs.js";
import type { ModelInputs } from "./inputs.js";
import { listArgs, toListQuery, whereArg, whereOf } from "./lists.js";

@ObjectType({ description: "Rows deleted under one model, or link rows under `<Model>_<field>`." })
class DeletedCount {
  @Field(() => String) model!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({
  description: "Rows deleted under one model, named so that a client cache can evict them: the row and each cascade.",
})
class DeletedRows {
  @Field(() => String, { description: "The GraphQL type name, what Apollo's `cache.identify` takes as `__typename`." })
  model!: string;

  @Field(() => [ID]) ids!: string[];
  @Field(() => [ID]) nodeIds!: string[];
}

@ObjectType({ description: "What Django's `delete()` returns: the total, and the count per model." })
export class DeleteResult {
  @Field(() => Int) total!: number;
  @Field(() => [DeletedCount]) perModel!: DeletedCount[];

  @Field(() => [DeletedRows], {
    description:
      "Every row deleted, per model in the order deleted; not link rows, nor rows whose key was set to NULL.",
  })
  deleted!: DeletedRows[];
}

/**
 * Runs a mutation's work in the request's transaction; later reads in the request see its
 * result, so the loaders forget what they read before it.
 */
async function write<T>(context: PlaygroundContext, work: () => Promise<T>): Promise<T> {
  const result = await context.sql.transaction(work);
  context.loaders.clear();
  return result;
}

const idArg = { name: "id", type: () => ID };

export function crudResolver(model: ModelInfo, objectType: TypeFn, inputs: ModelInputs) {
  const { names } = model;
  /**
   * The root list's reader for one set of joined relations. It keeps its last statement while
   * the arguments object stays the same: a plan hands every request of its document the same
   * one when the arguments hold no variables, and the statement is then built once.
   */
  const listReader = (selectRelated: readonly RelationInfo[]) => {
    let last: { args: Args; limits: ListLimits; dialect: Dialect; statement: Statement } | undefined;
    return async (context: PlaygroundContext, args: Args) => {
      const { limits, sql } = context;
      if (last?.args !== args || last.limits !== limits || last.dialect !== sql.dialect) {
        const query = toListQuery(context, model, args);
        last = {
          args,
          limits,
          dialect: sql.dialect,
          statement: rootListStatement(sql.dialect, model, query, selectRelated),
        };
      }
      const rows = await sql.all<Row>(last.statement.sql, last.statement.params, names.list);
      context.loaders.remember(model, rows);
      for (const relation of selectRelated) context.loaders.remember(relation.target, joinedRows(rows, relation));
      return rows;
    };
  };
  const readList = listReader([]);
  const operations: OperationSpec[] = [
    {
      kind: "query",
      name: names.one,
      type: objectType,
      nullable: true,
      description: `The ${model.name} with this id, or null.`,
      args: [idArg],
      resolve: async (_, args, context) => {
        const row = await findRow(context.sql, model, parseId(args.id, "id"));
        if (row) context.loaders.remember(model, [row]);
        return row ?? null;
      },
    },
    {
      kind: "query",
      name: names.list,
      type: () => [objectType()],
      args: listArgs(inputs),
      resolve: (_, args, context) => readList(context, args),
      batch: { kind: "rootList", reader: listReader },
    },
    {
      kind: "query",
      name: names.count,
      type: () => Int,
      args: [whereArg(inputs)],
      resolve: async (_, args, context) => {
        const { sql, params } = rootCountStatement(context.sql.dialect, model, whereOf(args));
        return (await context.sql.get<{ count: number }>(sql, params, names.count))!.count;
      },
    },
    {
      kind: "mutation",
      name: names.create,
      type: objectType,
      args: inputs.create ? [{ name: "input", type: () => inputs.create! }] : [],
      resolve: (_, args, context) => write(context, () => insertRow(context.sql, model, (args.input ?? {}) as Input)),
    },
    ...(inputs.update
      ? [
          {
            kind: "mutation",
            name: names.update,
            type: objectType,
            description: "Changes only the fields given; a foreign key changes through `<field>Id`.",
            args: [idArg, { name: "input", type: () => inputs.update! }],
            resolve: (_, args, context) =>
              write(context, async () =>
                updateRow(context.sql, model, await requireRow(context.sql, model, args.id, "id"), args.input as Input),
              ),
          } satisfies OperationSpec,
        ]
      : []),
    {
      kind: "mutation",
      name: names.remove,
      type: () => DeleteResult,
      description: "Deletes the row and applies every `on_delete` that points at it, as Django's `delete()` does.",
      args: [idArg],
      resolve: (_, args, context) =>
        write(context, async (): Promise<DeleteResult> => {
          const row = await requireRow(context.sql, model, args.id, "id");
          const result = await deleteWithCollector(context.sql, model, row.id);
          return {
            ...result,
            deleted: result.deleted.map(({ model: deletedModel, ids }) => ({
              model: deletedModel.name,
              ids: ids.map(String),
              nodeIds: ids.map((id) => nodeId(deletedModel.name, id)),
            })),
          };
        }),
    },
    ...linkOperations(model, objectType),
  ];
  return resolverClass(`${model.name}Crud`, operations);
}

function linkOperations(model: ModelInfo, objectType: TypeFn): OperationSpec[] {
  const ownerArg = linkOwnerArg(model.name);
  return model.relations
    .filter((relation) => relation.kind === "manyToMany")
    .flatMap((relation) =>
      linkActions.map((action): OperationSpec => ({
        kind: "mutation",
        name: linkMutationName(action, model.name, relation.field),
        type: objectType,
        description: djangoLinkCall(action, relation),
        args:
          action === "clear"
            ? [{ name: ownerArg, type: () => ID }]
            : [
                { name: ownerArg, type: () => ID },
                { name: "ids", type: () => [ID] },
              ],
        resolve: (_, args, context) =>
          write(context, async () => {
            checkThroughAdd(relation, action);
            const owner = await requireRow(context.sql, model, args[ownerArg], ownerArg);
            const ids =
              action === "clear" ? [] : await requireTargets(context.sql, relation, args.ids as unknown[], "ids");
            await changeLinks(context.sql, relation, action, owner.id, ids);
            return owner;
          }),
      })),
    );
}
