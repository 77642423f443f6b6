/**
 * Relay's `Node` interface, which every model type implements (see models/entities.ts). It lives apart
 * from the rest of the Relay fields because the model classes need it while they are
 * being declared, before the catalog exists.
 */
import type { GraphQLInterfaceType, GraphQLSchema } from "graphql";
import { Field, ID, InterfaceType } from "type-graphql";
import { relayNames } from "../naming.js";

/** The type each row returned as a `Node` was read as: rows are plain objects with no class to tell. */
const rowTypes = new WeakMap<object, string>();

/** Marks `row` as a row of `typeName`, for a field whose type is `Node`. */
export function asNode<T extends object>(row: T, typeName: string): T {
  rowTypes.set(row, typeName);
  return row;
}

/**
 * Gives the built schema's `Node` its type resolver. type-graphql wraps a `resolveType` option
 * in an async function, and graphql-jit takes the promise it returns for the type name.
 */
export function resolveNodeTypes(schema: GraphQLSchema): void {
  (schema.getType(relayNames.nodeInterface) as GraphQLInterfaceType).resolveType = (row) => rowTypes.get(row as object);
}

@InterfaceType(relayNames.nodeInterface, {
  description: "Any row of any model, fetched by its `nodeId` through `node(nodeId:)`: Relay's object identification.",
})
export abstract class Node {
  @Field(() => ID, {
    name: relayNames.nodeId,
    description: "Opaque and unique across every type, unlike `id` (Django's primary key, unique per model).",
  })
  nodeId!: string;
}
