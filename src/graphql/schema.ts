/**
 * The executable schema: the models' object types with resolvers and inputs derived from the
 * catalog. type-graphql keeps one global registry, so the schema is built once per process and
 * shared by every server in it; each request brings its own database through the context.
 */
import { specifiedScalarTypes, type GraphQLSchema } from "graphql";
import { buildSchema, getMetadataStorage, type NonEmptyArray } from "type-graphql";
import type { Catalog, ModelInfo } from "../catalog.js";
import { ModelsFileError } from "../errors.js";
import { definitionOf } from "../models/entities.js";
import { servedModels } from "../models/index.js";
import { crudResolver } from "./crud.js";
import { resolveDirectly } from "./define.js";
import { buildInputs } from "./inputs.js";
import { resolveNodeTypes } from "./node.js";
import { relationResolver } from "./relations.js";
import { buildConnectionTypes, relayResolvers } from "./relay.js";
import { scalarOfKind } from "./scalars.js";

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
  checkModelNames();
  const schema = await buildSchema({ resolvers: resolvers as unknown as NonEmptyArray<Function>, validate: false });
  resolveDirectly(schema, resolvers);
  resolveNodeTypes(schema);
  return schema;
}

/**
 * A model named like another type of the schema (Relay's `Node`, `PageInfo`, a scalar such as
 * `DateTime`, or another model's `AuthorWhere`) would make GraphQL refuse the whole schema with
 * a message about types; it is refused instead with the model's place in its file.
 */
function checkModelNames(): void {
  const storage = getMetadataStorage();
  const declared = [
    ...[...storage.objectTypes, ...storage.inputTypes, ...storage.interfaceTypes, ...storage.enums].map(
      ({ name }) => name,
    ),
    ...[...specifiedScalarTypes, ...Object.values(scalarOfKind)].map(({ name }) => name),
    "Query",
    "Mutation",
    "Subscription",
  ];
  const { classes, file } = servedModels();
  for (const model of classes) {
    if (declared.filter((name) => name === model.name).length < 2) continue;
    const { at } = definitionOf(model)!;
    throw new ModelsFileError(
      file,
      at.line,
      at.column,
      `a model named ${model.name}, which the schema also names one of its own types`,
      "model names that are not the name of another type of the schema (rename the class; Meta.db_table keeps its table)",
    );
  }
}
