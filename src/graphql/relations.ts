/**
 * Every relation as a GraphQL field, in both directions, with a count beside every list. All
 * of them resolve through the request's loaders, so a relation costs one statement per level
 * of the query, whatever the number of parents.
 */
import { Int } from "type-graphql";
import type { ModelInfo } from "../catalog.js";
import { connectionField, countField } from "../naming.js";
import { parentKeyField } from "../sql/syntax.js";
import { resolverClass, type OperationSpec, type TypeFn } from "./define.js";
import type { ModelInputs } from "./inputs.js";
import { countLoader, keyedById, listLoader, loaderValues, relatedOne, relatedOnes } from "./loaders.js";
import { listArgs, queryPerArgs, toListQuery, whereArg, whereOf } from "./lists.js";
import { djangoAccessor } from "./docs.js";
import { connectionArgs, connectionValue, toConnectionQuery, type ConnectionType } from "./relay.js";

export function relationResolver(
  model: ModelInfo,
  objectType: (model: ModelInfo) => TypeFn,
  inputs: (model: ModelInfo) => ModelInputs,
  connections: ReadonlyMap<string, ConnectionType>,
) {
  const operations = model.relations.flatMap((relation): OperationSpec[] => {
    const target = objectType(relation.target);
    const key = parentKeyField(relation);
    if (!relation.isList) {
      return [
        {
          kind: "field",
          name: relation.field,
          type: target,
          nullable: relation.kind === "reverseOne" || relation.keyColumn!.nullable,
          description: djangoAccessor(relation),
          resolve: (parent, _args, context) => {
            const parentKey = parent[key] as number | null;
            return parentKey == null ? null : relatedOne(context, relation, parentKey);
          },
          batch: {
            kind: "related",
            parentKey: key,
            open: (context) => relatedOnes(context, relation),
            selectRelated: keyedById(relation) ? relation : undefined,
          },
        },
      ];
    }
    const listQuery = queryPerArgs(relation.target, toListQuery);
    const connectionQuery = queryPerArgs(relation.target, toConnectionQuery);
    return [
      {
        kind: "field",
        name: relation.field,
        type: () => [target()],
        description: djangoAccessor(relation),
        args: listArgs(inputs(relation.target)),
        resolve: (parent, args, context) =>
          listLoader(context, relation, listQuery(context, args)).value(parent[key] as number),
        batch: {
          kind: "related",
          parentKey: key,
          open: (context, args) => loaderValues(listLoader(context, relation, listQuery(context, args))),
        },
      },
      {
        kind: "field",
        name: countField(relation.field),
        type: () => Int,
        description: `How many rows \`${relation.field}\` holds (Django's \`.count()\`).`,
        args: [whereArg(inputs(relation.target))],
        resolve: (parent, args, context) => countLoader(context, relation, whereOf(args)).value(parent[key] as number),
        batch: {
          kind: "related",
          parentKey: key,
          open: (context, args) => loaderValues(countLoader(context, relation, whereOf(args))),
        },
      },
      {
        kind: "field",
        name: connectionField(relation.field),
        type: connections.get(relation.target.name)!.type,
        description: `\`${relation.field}\` as a Relay connection, paged by cursor, per parent.`,
        args: connectionArgs(inputs(relation.target)),
        resolve: async (parent, args, context) => {
          const query = connectionQuery(context, args);
          const parentKey = parent[key] as number;
          const rows = await listLoader(context, relation, query).load(parentKey);
          return connectionValue(query, rows, () => countLoader(context, relation, query.where).load(parentKey));
        },
      },
    ];
  });
  return operations.length === 0 ? undefined : resolverClass(`${model.name}Relations`, operations, objectType(model));
}
