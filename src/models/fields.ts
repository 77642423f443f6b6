/**
 * Django's model fields as decorators, so that a model file reads like its `models.py`:
 *
 *     @Model()
 *     export class Car {
 *       @CharField(100) modelName!: string;
 *       @ForeignKey(() => Manufacturer, { onDelete: "CASCADE" }) manufacturer!: Relation<Manufacturer>;
 *     }
 *
 * Each decorator applies the TypeORM column or relation and, for scalars, the type-graphql
 * field. As in Django, a model declares only the forward side of a relation; the reverse side
 * (`manufacturer.carSet`, `parent.children`) is registered on the target by `defineModels`,
 * under the name Django would give it. Everything else (resolvers, loaders, inputs) is derived
 * later from the TypeORM metadata these decorators leave behind.
 */
import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToMany,
  OneToOne,
  PrimaryGeneratedColumn,
} from "typeorm";
import { Node } from "../graphql/node.js";
import { reverseManyName, reverseOneName } from "../naming.js";

/** Django's `on_delete` choices that the examples use, and the SQL action each maps to. */
export const onDeleteActions = {
  CASCADE: "CASCADE",
  PROTECT: "RESTRICT",
  SET_NULL: "SET NULL",
} as const;

export type OnDelete = keyof typeof onDeleteActions;

type ModelClass = abstract new () => object;
type Target = () => ModelClass;

/** Reverse sides wait here until every model class exists (models may import each other). */
const pendingReverseSides: Array<() => void> = [];

/**
 * A Django model: a table, a GraphQL object type that is a Relay `Node`, and Django's implicit
 * `id` primary key.
 */
export function Model(): ClassDecorator {
  return (target) => {
    PrimaryGeneratedColumn()(target.prototype, "id");
    Field(() => ID, { description: "Django's implicit primary key, an integer sent as a string." })(
      target.prototype,
      "id",
    );
    Entity()(target);
    // Columns are plain row properties: graphql's default resolver reads them, without
    // type-graphql's per-field middleware wrapper (relations keep their own resolvers).
    ObjectType({
      description: `Django: \`class ${target.name}(models.Model)\`.`,
      simpleResolvers: true,
      implements: Node,
    })(target);
  };
}

/** `models.CharField(max_length=..., unique=...)`; Django's default `blank=False` forbids "". */
export function CharField(maxLength: number, options: { unique?: boolean } = {}): PropertyDecorator {
  return (prototype, property) => {
    Column({ type: "varchar", length: maxLength, unique: options.unique ?? false })(prototype, property);
    const unique = options.unique ? ", unique=True" : "";
    Field(() => String, { description: `models.CharField(max_length=${maxLength}${unique})` })(
      prototype,
      property as string,
    );
  };
}

/** `models.DateField(null=...)`, exchanged as `YYYY-MM-DD`. */
export function DateField(options: { null?: boolean } = {}): PropertyDecorator {
  return (prototype, property) => {
    Column({ type: "date", nullable: options.null ?? false })(prototype, property);
    Field(() => LocalDateResolver, {
      nullable: options.null ?? false,
      description: `models.DateField(${options.null ? "null=True" : ""})`,
    })(prototype, property as string);
  };
}

interface ForeignKeyOptions {
  onDelete: OnDelete;
  null?: boolean;
  relatedName?: string;
}

/** `models.ForeignKey(Target, on_delete=..., null=..., related_name=...)`, indexed as Django does. */
export function ForeignKey(target: Target, options: ForeignKeyOptions): PropertyDecorator {
  return (prototype, property) => {
    const source = prototype.constructor as ModelClass;
    const reverse = reverseManyName(source.name, options.relatedName);
    ManyToOne(target, reverse, { onDelete: onDeleteActions[options.onDelete], nullable: options.null ?? false })(
      prototype,
      property,
    );
    Index()(prototype, property);
    pendingReverseSides.push(() => OneToMany(() => source, property as string)(target().prototype, reverse));
  };
}

/** `models.OneToOneField(Target, on_delete=...)`: a unique foreign key; the reverse side is one row. */
export function OneToOneField(
  target: Target,
  options: { onDelete: OnDelete; relatedName?: string },
): PropertyDecorator {
  return (prototype, property) => {
    const source = prototype.constructor as ModelClass;
    const reverse = reverseOneName(source.name, options.relatedName);
    OneToOne(target, reverse, { onDelete: onDeleteActions[options.onDelete], nullable: false })(prototype, property);
    JoinColumn()(prototype, property);
    pendingReverseSides.push(() => OneToOne(() => source, property as string)(target().prototype, reverse));
  };
}

/** `models.ManyToManyField(Target, related_name=...)`: a join table `<model>_<field>`. */
export function ManyToManyField(target: Target, options: { relatedName?: string } = {}): PropertyDecorator {
  return (prototype, property) => {
    const source = prototype.constructor as ModelClass;
    const reverse = reverseManyName(source.name, options.relatedName);
    ManyToMany(target, reverse)(prototype, property);
    JoinTable()(prototype, property);
    pendingReverseSides.push(() => ManyToMany(() => source, property as string)(target().prototype, reverse));
  };
}

/** Registers the reverse sides once all models are loaded; returns the models, in order. */
export function defineModels<T extends readonly ModelClass[]>(models: T): T {
  for (const register of pendingReverseSides.splice(0)) register();
  return models;
}
