/**
 * type-graphql's decorators, applied from code. The playground's resolvers and inputs are
 * derived from the catalog at start-up, so instead of writing a decorated class per model we
 * build the class and call the same decorators a hand-written one would use.
 */
import type { GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema } from "graphql";
import { Arg, Field, FieldResolver, InputType, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { setFieldBatch, type FieldBatch } from "./batches.js";
import type { PlaygroundContext } from "./context.js";

// type-graphql's type functions return classes, scalars or enums, possibly in a list.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TypeFn = () => any;

export interface FieldSpec {
  name: string;
  type: TypeFn;
  nullable?: boolean;
  description?: string;
}

export type Class = new () => object;

function namedClass(name: string): Class {
  return { [name]: class {} }[name]!;
}

/** An input type with the given fields, all optional unless `nullable: false`. */
export function inputType(name: string, fields: FieldSpec[], description?: string): Class {
  const input = namedClass(name);
  for (const field of fields) {
    Field(field.type, { nullable: field.nullable ?? true, description: field.description })(
      input.prototype,
      field.name,
    );
  }
  InputType(name, { description })(input);
  return input;
}

/**
 * An object type with the given fields, all non-null unless `nullable: true`, read off the
 * value as plain properties; fields that compute get a resolver class with `of`.
 */
export function objectType(name: string, fields: FieldSpec[], description?: string): Class {
  const object = namedClass(name);
  for (const field of fields) {
    Field(field.type, { nullable: field.nullable ?? false, description: field.description })(
      object.prototype,
      field.name,
    );
  }
  ObjectType(name, { description, simpleResolvers: true })(object);
  return object;
}

export type Args = Record<string, unknown>;

export interface OperationSpec extends FieldSpec {
  kind: "query" | "mutation" | "field";
  args?: FieldSpec[];
  resolve: (root: Record<string, unknown>, args: Args, context: PlaygroundContext) => unknown;
  /** How the plan executor reads the field for all parents at once; without it, documents selecting it run compiled. */
  batch?: FieldBatch;
}

/** The operations each resolver class declares, and the object type of its fields. */
const declared = new WeakMap<Class, { operations: OperationSpec[]; of?: TypeFn }>();

/**
 * A resolver class declaring the given root fields or, with `of`, fields of that object type.
 * type-graphql reads the declarations (return type, arguments, descriptions) to build the
 * schema; `resolveDirectly` then lets graphql call each operation's `resolve` itself.
 */
export function resolverClass(name: string, operations: OperationSpec[], of?: TypeFn): Class {
  const resolver = namedClass(name);
  for (const operation of operations) {
    const descriptor = { value: operation.resolve };
    Object.defineProperty(resolver.prototype, operation.name, descriptor);
    const options = { name: operation.name, nullable: operation.nullable ?? false, description: operation.description };
    const decorate = { query: Query, mutation: Mutation, field: FieldResolver }[operation.kind];
    decorate(operation.type, options)(resolver.prototype, operation.name, descriptor);
    // Parameter decorators are how type-graphql learns a field's arguments; their index only orders them.
    (operation.args ?? []).forEach((arg, i) =>
      Arg(arg.name, arg.type, { nullable: arg.nullable ?? false, description: arg.description })(
        resolver.prototype,
        operation.name,
        i,
      ),
    );
  }
  (of ? Resolver(of) : Resolver())(resolver);
  declared.set(resolver, { operations, of });
  return resolver;
}

/**
 * Replaces type-graphql's resolver of every field declared by `resolvers` with the operation's
 * own `resolve`. type-graphql's handler looks up the class instance, sorts and converts the
 * parameters (input objects become class instances) and runs middlewares, once per field of
 * every row; these operations take graphql's plain arguments and use no middleware.
 */
export function resolveDirectly(schema: GraphQLSchema, resolvers: readonly Class[]): void {
  for (const resolver of resolvers) {
    const { operations, of } = declared.get(resolver)!;
    for (const operation of operations) {
      const parent = of
        ? (schema.getType((of() as Function).name) as GraphQLObjectType)
        : operation.kind === "query"
          ? schema.getQueryType()!
          : schema.getMutationType()!;
      const field = parent.getFields()[operation.name]!;
      field.resolve = operation.resolve as GraphQLFieldResolver<unknown, unknown>;
      if (operation.batch) setFieldBatch(field, operation.batch);
    }
  }
}
