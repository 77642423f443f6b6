/**
 * The executable schema: the models' object types with resolvers and inputs derived from the
 * catalog. type-graphql keeps one global registry, so the schema is built once per process and
 * shared by every server in it; each request brings its own database through the context.
 */
import type { GraphQLSchema } from "graphql";
import { buildSchema, type NonEmptyArray } from "type-graphql";
import type { Catalog, ModelInfo } from "../catalog.js";
import { servedModels } from "../models/index.js";
import { crudResolver } from "./crud.js";
import { resolveDirectly } from "./define.js";
import { buildInputs } from "./inputs.js";
import { resolveNodeTypes } from "./node.js";
import { relationResolver } from "./relations.js";
import { buildConnectionTypes, relayResolvers } from "./relay.js";

let schema: Promise<GraphQLSchema> | undefined;

export function playgroundSchema(catalog: Catalog): Promise<GraphQLSchema> {
  return (schema ??= build(catalog));
}

async function build(catalog: Catalog): Promise<GraphQLSchema> {
  const inputs = buildInputs(catalog);
  const { byName } = servedModels();
  const objectType = (model: ModelInfo) => () => byName.get(model.name)!;
  const inputsOf = (model: ModelInfo) => inputs.get(model.name)!;
  const connections = buildConnectionTypes(catalog, objectType);
  const resolvers = [
    ...catalog.models.flatMap((model) => {
      const relations = relationResolver(model, objectType, inputsOf, connections);
      return [crudResolver(model, objectType(model), inputsOf(model)), ...(relations ? [relations] : [])];
    }),
    ...relayResolvers(catalog, objectType, connections, inputsOf),
  ];
  const schema = await buildSchema({ resolvers: resolvers as unknown as NonEmptyArray<Function>, validate: false });
  resolveDirectly(schema, resolvers);
  resolveNodeTypes(schema);
  return schema;
}
