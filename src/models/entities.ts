/**
 * Model definitions made into the classes the rest of the playground reads: for each model one
 * class that is both a TypeORM entity (table, columns, keys, join tables, with the names the
 * definition resolved) and a type-graphql object type implementing Relay's `Node`. As in
 * Django, a definition declares only the forward side of a relation; the reverse side
 * (`manufacturer.carSet`, `parent.children`) is put on the target here, under the name Django
 * gives it. Everything else (resolvers, loaders, inputs) is derived later from the TypeORM
 * metadata these decorators leave behind (see catalog.ts).
 *
 * What the server cannot serve yet is refused here with the field's place in the file, so that
 * a file either serves as Django would or does not start.
 */
import { LocalDateResolver } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
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
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type ColumnType,
} from "typeorm";
import { ModelsFileError } from "../errors.js";
import { Node } from "../graphql/node.js";
import { fieldName } from "../naming.js";
import type {
  FieldDefinition,
  ManyToManyFieldDefinition,
  ModelDefinition,
  OnDelete,
  ScalarFieldDefinition,
  ScalarType,
  SourceLocation,
  ToOneFieldDefinition,
} from "./definition.js";

/**
 * The foreign key's own action in the database. The delete collector carries out every
 * `on_delete` before a row goes, as Django's does; the action only guards the database against
 * other writers. `RESTRICT` and `SET_DEFAULT` leave it to the collector (a restricting row may be
 * deleted by the same cascade), and `DO_NOTHING` is the database's own rule, as in Django.
 */
const onDeleteActions = {
  CASCADE: "CASCADE",
  PROTECT: "RESTRICT",
  SET_NULL: "SET NULL",
  RESTRICT: "NO ACTION",
  SET_DEFAULT: "NO ACTION",
  DO_NOTHING: "NO ACTION",
} as const satisfies Record<OnDelete, string>;

export type ModelClass = new () => object;

/** How each served field type is stored and exchanged. */
interface ScalarMapping {
  column: (field: ScalarFieldDefinition) => { type: ColumnType; length?: number };
  // type-graphql's type functions return scalars or classes.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  graphql: () => any;
}

const text = { graphql: () => String };
const varchar = (field: ScalarFieldDefinition) => ({ type: "varchar" as const, length: field.maxLength });

const integer = { column: () => ({ type: "integer" as const }), graphql: () => Int };

const scalarMappings: Partial<Record<ScalarType, ScalarMapping>> = {
  CharField: { ...text, column: varchar },
  SlugField: { ...text, column: varchar },
  EmailField: { ...text, column: varchar },
  URLField: { ...text, column: varchar },
  TextField: { ...text, column: () => ({ type: "text" }) },
  IntegerField: integer,
  SmallIntegerField: integer,
  FloatField: { column: () => ({ type: "real" }), graphql: () => Float },
  BooleanField: { column: () => ({ type: "boolean" }), graphql: () => Boolean },
  DateField: { column: () => ({ type: "date" }), graphql: () => LocalDateResolver },
};

const definitionByClass = new WeakMap<Function, ModelDefinition>();

/** The definition a model class was made from (for what TypeORM's metadata cannot hold). */
export function definitionOf(model: Function): ModelDefinition | undefined {
  return definitionByClass.get(model);
}

/** A field as the description shows it: `models.CharField(max_length=100, unique=True)`. */
function fieldCall(field: ScalarFieldDefinition): string {
  const options: string[] = [];
  if (field.maxLength !== undefined) options.push(`max_length=${field.maxLength}`);
  if (field.null) options.push("null=True");
  if (field.unique) options.push("unique=True");
  return `models.${field.type}(${options.join(", ")})`;
}

class Refusal {
  constructor(private readonly file: string) {}

  refuse(at: SourceLocation, found: string, supported: string): never {
    throw new ModelsFileError(this.file, at.line, at.column, found, `${supported} (the server serves these so far)`);
  }
}

/**
 * The classes for `definitions`, in their order (which is the schema's). `file` names the
 * source in refusals.
 */
export function modelClasses(definitions: readonly ModelDefinition[], file: string): ModelClass[] {
  const refusal = new Refusal(file);
  for (const definition of definitions) checkServable(definition, refusal);
  const classes = new Map(definitions.map((definition) => [definition.name, namedClass(definition.name)]));
  const byName = new Map(definitions.map((definition) => [definition.name, definition]));
  const classOf = (name: string) => () => classes.get(name)!;
  const reverseSides: Array<() => void> = [];
  for (const definition of definitions) {
    const model = classes.get(definition.name)!;
    for (const field of definition.fields) {
      if (field.kind === "scalar") declareScalar(model, field);
      else reverseSides.push(declareRelation(model, definition.name, field, classOf, byName.get(field.target)!));
    }
    declareModel(model, definition);
    definitionByClass.set(model, definition);
  }
  // Reverse sides go on after every forward one, as Django adds them once all models are loaded.
  for (const declare of reverseSides) declare();
  return [...classes.values()];
}

function primaryKeyDescription({ primaryKey: key }: ModelDefinition): string {
  if (key.type === "OneToOneField")
    return `The id of this row's \`${fieldName(key.name)}\`, its primary key (Django's \`OneToOneField(primary_key=True)\`).`;
  if (key.name === "id" && key.type === "AutoField")
    return "Django's implicit primary key, an integer sent as a string.";
  return `Django's \`${key.name} = models.${key.type}(primary_key=True)\`, an integer sent as a string.`;
}

function namedClass(name: string): ModelClass {
  return { [name]: class {} }[name]!;
}

function checkServable(definition: ModelDefinition, refusal: Refusal): void {
  const { meta } = definition;
  if (meta.ordering.length > 0) refusal.refuse(definition.at, "Meta.ordering", "lists ordered by orderBy");
  if (meta.uniqueTogether.length > 0 || meta.constraints.length > 0) {
    refusal.refuse(definition.at, "Meta.unique_together or constraints", "unique=True on one field");
  }
  for (const field of definition.fields) checkField(field, refusal);
}

function checkField(field: FieldDefinition, refusal: Refusal): void {
  if (field.kind === "scalar") {
    if (!scalarMappings[field.type]) {
      refusal.refuse(field.at, `models.${field.type}`, Object.keys(scalarMappings).join(", "));
    }
    if (field.default !== undefined) refusal.refuse(field.at, "default=", "fields without a default");
    if (field.choices !== undefined) refusal.refuse(field.at, "choices=", "fields without choices");
    if (field.autoNow || field.autoNowAdd) refusal.refuse(field.at, "auto_now", "fields set by the client");
    if (!field.editable) refusal.refuse(field.at, "editable=False", "fields set by the client");
    // Text is refused empty, as Django's default blank=False validates it.
    if (field.blank && scalarMappings[field.type]!.graphql === text.graphql) {
      refusal.refuse(field.at, "blank=True", "text that may not be empty");
    }
  }
}

function declareScalar(model: ModelClass, field: ScalarFieldDefinition): void {
  const mapping = scalarMappings[field.type]!;
  Column({ ...mapping.column(field), name: field.column, nullable: field.null, unique: field.unique })(
    model.prototype,
    field.field,
  );
  Field(mapping.graphql, { nullable: field.null, description: field.helpText ?? fieldCall(field) })(
    model.prototype,
    field.field,
  );
  if (field.dbIndex) Index()(model.prototype, field.field);
}

/**
 * Declares the forward side now; returns the declaration of the reverse side on the target.
 * A `through=` link declares nothing: its rows are the through model's, whose keys are
 * relations of their own (the catalog reads the link from the definition).
 */
function declareRelation(
  model: ModelClass,
  modelName: string,
  field: ToOneFieldDefinition | ManyToManyFieldDefinition,
  classOf: (name: string) => () => ModelClass,
  targetDefinition: ModelDefinition,
): () => void {
  const target = classOf(field.target);
  const source = classOf(modelName);
  const property = field.field;
  const none = () => {};
  if (field.kind === "manyToMany") {
    if (field.join.through) return none;
    const reverse = field.reverseField;
    // A symmetrical link to its own model is its own reverse: one side, no inverse.
    ManyToMany(target, ...(reverse === undefined ? [] : [reverse]))(model.prototype, property);
    JoinTable({
      name: field.join.table,
      joinColumn: { name: field.join.sourceColumn },
      inverseJoinColumn: { name: field.join.targetColumn },
    })(model.prototype, property);
    return reverse === undefined ? none : () => ManyToMany(source, property)(target().prototype, reverse);
  }
  const options = { onDelete: onDeleteActions[field.onDelete], nullable: field.null };
  // `to_field`: the key holds that field's value instead of the target's primary key.
  const joinColumn = {
    name: field.column,
    ...(field.toField === targetDefinition.primaryKey.name ? {} : { referencedColumnName: fieldName(field.toField) }),
  };
  if (field.type === "OneToOneField") {
    OneToOne(target, field.reverseField, options)(model.prototype, property);
    JoinColumn(joinColumn)(model.prototype, property);
    return () => OneToOne(source, property)(target().prototype, field.reverseField);
  }
  ManyToOne(target, field.reverseField, options)(model.prototype, property);
  JoinColumn(joinColumn)(model.prototype, property);
  // Django indexes every foreign key.
  Index()(model.prototype, property);
  return () => OneToMany(source, property)(target().prototype, field.reverseField);
}

/**
 * The primary key is the API's `id` whatever Django calls it: a declared auto field keeps its
 * name as the column (`code = models.AutoField(primary_key=True)` is column `code`, field `id`),
 * and a `OneToOneField(primary_key=True)` shares its key column with `id`, which the related
 * row's id fills (Django's restaurant has its place's id).
 */
function declareModel(model: ModelClass, definition: ModelDefinition): void {
  const key = definition.primaryKey;
  if (key.type === "OneToOneField") PrimaryColumn({ name: key.column, type: "integer" })(model.prototype, "id");
  else PrimaryGeneratedColumn({ name: key.column })(model.prototype, "id");
  Field(() => ID, { description: primaryKeyDescription(definition) })(model.prototype, "id");
  Entity(definition.table)(model);
  // Columns are plain row properties: graphql's default resolver reads them, without
  // type-graphql's per-field middleware wrapper (relations keep their own resolvers).
  ObjectType({
    description: `Django: \`class ${definition.name}(models.Model)\`.`,
    simpleResolvers: true,
    implements: Node,
  })(model);
}
