/**
 * The models as data: columns and relations read once from TypeORM's metadata, in the shape
 * the SQL and GraphQL machinery need (which column holds the key, which join table links two
 * models, what Django's `on_delete` is). Nothing here is written per model.
 */
import type { DataSource, EntityMetadata } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata.js";
import type { RelationMetadata } from "typeorm/metadata/RelationMetadata.js";
import { kindOfType, type ScalarKind } from "./graphql/scalars.js";
import type {
  FieldDefinition,
  ManyToManyFieldDefinition,
  OnDelete,
  OrderingTerm,
  ScalarFieldDefinition,
} from "./models/definition.js";
import { definitionOf } from "./models/entities.js";
import { foreignKeyIdField, linkTableLabel, modelNames, type ModelNames } from "./naming.js";

export type { ScalarKind };

/** A column as the API sees it: `id`, a scalar, or a foreign key's `<field>Id`. */
export interface ColumnInfo {
  /** The row property and GraphQL field or input name: `modelName`, `manufacturerId`. */
  field: string;
  column: string;
  kind: ScalarKind;
  nullable: boolean;
  unique: boolean;
  maxLength?: number;
  /** Set on a value column: the field as the models file declares it (type, options, choices). */
  definition?: ScalarFieldDefinition;
  /** Set on a foreign key column: the relation it stores. */
  relation?: RelationInfo;
}

/**
 * - `toOne`: this row holds the key (`car.manufacturer`, `passport.person`).
 * - `reverseOne`: the other row holds a unique key to this one (`person.passport`).
 * - `reverseMany`: other rows hold a key to this one (`manufacturer.carSet`).
 * - `manyToMany`: a join table links both (`course.students`, `student.courseSet`).
 */
export type RelationKind = "toOne" | "reverseOne" | "reverseMany" | "manyToMany";

export interface RelationInfo {
  model: ModelInfo;
  field: string;
  kind: RelationKind;
  target: ModelInfo;
  inverse: RelationInfo;
  isList: boolean;
  /** `toOne`: the key column on this model; `reverse*`: the key column on the target. */
  keyColumn?: ColumnInfo;
  /**
   * The column the key holds the value of: the primary key, or Django's `to_field`. On `toOne`
   * it is the target's, on `reverse*` this model's, on `manyToMany` this model's primary key.
   */
  referencedColumn: ColumnInfo;
  /** `toOne` and `reverse*`: Django's on_delete of the key. */
  onDelete?: OnDelete;
  /** `toOne` and `reverse*`: the key's `default=`, what `SET_DEFAULT` and a create without it write. */
  keyDefault?: number | null;
  /** `manyToMany`: the join table and its column pointing at each side. */
  join?: {
    table: string;
    sourceColumn: string;
    targetColumn: string;
    /** Django's label for its rows in `delete()` counts: `Course_students`. */
    label: string;
    /** Whether `model` declares the ManyToManyField (Django's forward side). */
    isForward: boolean;
    /** A `"self"` link that is its own reverse: each link is stored both ways, as Django does. */
    symmetrical: boolean;
    /** `through=`: the model whose rows are the links (the collector deletes them as its rows). */
    through?: ModelInfo;
  };
}

export interface ModelInfo {
  name: string;
  table: string;
  names: ModelNames;
  /** `id` first, then the scalars and foreign keys in declaration order. */
  columns: ColumnInfo[];
  /**
   * The primary key, always the API's `id`: Django's implicit `id`, a declared `AutoField` under
   * its own column, or a `OneToOneField(primary_key=True)`'s key column.
   */
  primaryKey: ColumnInfo;
  relations: RelationInfo[];
  columnByField: ReadonlyMap<string, ColumnInfo>;
  relationByField: ReadonlyMap<string, RelationInfo>;
  /** `Meta.ordering`, in Django's names (`["shop", "name"]`); sql/lists.ts makes it the lists' default order. */
  ordering: readonly OrderingTerm[];
  /** `Meta.unique_together` and `UniqueConstraint`s: columns whose values no two rows share. */
  uniqueTogether: UniqueTogether[];
}

export interface UniqueTogether {
  columns: ColumnInfo[];
  /** Django's words for the set in its message: `Shop and Title`. */
  label: string;
}

export interface Catalog {
  models: ModelInfo[];
  byName: ReadonlyMap<string, ModelInfo>;
}

export function buildCatalog(dataSource: DataSource): Catalog {
  const entities = dataSource.entityMetadatas.filter((entity) => !entity.isJunction);
  const byName = new Map<string, ModelInfo>();
  for (const entity of entities) byName.set(entity.targetName, describeModel(entity));
  const described: Array<[RelationInfo, RelationMetadata]> = [];
  for (const entity of entities) {
    const model = byName.get(entity.targetName)!;
    for (const metadata of entity.relations) {
      const relation = describeRelation(model, metadata, byName);
      model.relations.push(relation);
      described.push([relation, metadata]);
    }
  }
  for (const [relation, metadata] of described) linkInverse(relation, metadata);
  // A `through=` model's table is its own entity's, so TypeORM holds no join table for the link.
  for (const entity of entities) {
    for (const field of definitionOf(entity.target as Function)?.fields ?? []) {
      if (field.kind === "manyToMany" && field.join.through) addThrough(byName.get(entity.targetName)!, field, byName);
    }
  }
  for (const model of byName.values()) {
    const relationByField = model.relationByField as Map<string, RelationInfo>;
    for (const relation of model.relations) relationByField.set(relation.field, relation);
  }
  for (const entity of entities) describeUniqueTogether(byName.get(entity.targetName)!, entity);
  return { models: [...byName.values()], byName };
}

/** The unique constraints of more than one column, labelled with the fields' verbose names as Django's message names them. */
function describeUniqueTogether(model: ModelInfo, entity: EntityMetadata): void {
  const definition = definitionOf(entity.target as Function);
  const byColumn = new Map(model.columns.map((column) => [column.column, column]));
  const labelOf = (column: ColumnInfo) => {
    const field = definition?.fields.find(
      (candidate) => candidate.kind !== "manyToMany" && candidate.column === column.column,
    );
    const words = field?.verboseName ?? field?.name.replaceAll("_", " ") ?? column.field;
    return words.charAt(0).toUpperCase() + words.slice(1);
  };
  for (const unique of entity.uniques.filter((each) => each.columns.length > 1)) {
    const columns = unique.columns.map((column) => byColumn.get(column.databaseName)!);
    model.uniqueTogether.push({ columns, label: wordList(columns.map(labelOf)) });
  }
}

/** `A`, `A and B`, `A, B and C`: Django's `get_text_list`. */
export function wordList(words: readonly string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}` : (words[0] ?? "");
}

function describeModel(entity: EntityMetadata): ModelInfo {
  // Django puts the implicit `id` first; TypeORM lists it last, as the class decorator adds it.
  const ordered = [...entity.columns].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  const columns = ordered.flatMap((column) => describeColumn(entity, column));
  const relations: RelationInfo[] = [];
  return {
    name: entity.targetName,
    table: entity.tableName,
    names: modelNames(entity.targetName, definitionOf(entity.target as Function)?.plural),
    columns,
    primaryKey: columns[0]!,
    relations,
    columnByField: new Map(columns.map((column) => [column.field, column])),
    relationByField: new Map(),
    ordering: definitionOf(entity.target as Function)?.meta.ordering ?? [],
    uniqueTogether: [],
  };
}

/** The field of the models file that declares the value column `column`. */
function scalarDefinition(column: ColumnMetadata): ScalarFieldDefinition | undefined {
  return definitionOf(column.entityMetadata.target as Function)?.fields.find(
    (field): field is ScalarFieldDefinition => field.kind === "scalar" && field.field === column.propertyName,
  );
}

/** A value column has its field type's kind; a key holds the value of the column it references, so it has that column's. */
function kindOf(column: ColumnMetadata): ScalarKind {
  if (column.isPrimary) return "id";
  if (column.relationMetadata && column.referencedColumn) return kindOf(column.referencedColumn);
  const definition = scalarDefinition(column);
  return definition ? kindOfType[definition.type] : "id";
}

/**
 * The API's columns for one database column: usually one, but a `OneToOneField(primary_key=True)`
 * is both the row's `id` and the key `<field>Id` that inputs and filters name.
 */
function describeColumn(entity: EntityMetadata, column: ColumnMetadata): ColumnInfo[] {
  const relation = column.relationMetadata;
  const singleColumnUnique =
    entity.uniques.some((unique) => unique.columns.length === 1 && unique.columns[0] === column) ||
    entity.indices.some((index) => index.isUnique && index.columns.length === 1 && index.columns[0] === column);
  const shared = { column: column.databaseName, nullable: column.isNullable };
  const key: ColumnInfo | undefined = relation && {
    ...shared,
    field: foreignKeyIdField(relation.propertyName),
    kind: column.referencedColumn ? kindOf(column.referencedColumn) : "id",
    unique: column.isPrimary || singleColumnUnique || relation.isOneToOneOwner,
  };
  if (!column.isPrimary) {
    return [
      key ?? {
        ...shared,
        field: column.propertyName,
        kind: kindOf(column),
        unique: singleColumnUnique,
        maxLength: column.length ? Number(column.length) : undefined,
        definition: scalarDefinition(column),
      },
    ];
  }
  const id: ColumnInfo = { ...shared, field: "id", kind: "id", unique: true };
  return key ? [id, key] : [id];
}

/** The field of the models file that declares the forward side `relation`. */
function declaredField(relation: RelationMetadata): FieldDefinition | undefined {
  const definition = definitionOf(relation.entityMetadata.target as Function);
  return definition?.fields.find((candidate) => candidate.field === relation.propertyName);
}

/** The column of `model` named `column`, its primary key (`id`) first. */
function columnNamed(model: ModelInfo, column: string): ColumnInfo {
  return model.primaryKey.column === column
    ? model.primaryKey
    : model.columns.find((candidate) => candidate.column === column)!;
}

function describeRelation(
  model: ModelInfo,
  relation: RelationMetadata,
  byName: ReadonlyMap<string, ModelInfo>,
): RelationInfo {
  const target = byName.get(relation.inverseEntityMetadata.targetName)!;
  const base = { model, field: relation.propertyName, target, inverse: undefined as unknown as RelationInfo };
  if (relation.isManyToMany) {
    const owner = relation.isOwning ? relation : relation.inverseRelation!;
    const declared = declaredField(owner);
    const ownerColumn = owner.joinColumns[0]!.databaseName;
    const otherColumn = owner.inverseJoinColumns[0]!.databaseName;
    return {
      ...base,
      kind: "manyToMany",
      isList: true,
      referencedColumn: model.primaryKey,
      join: {
        table: owner.junctionEntityMetadata!.tableName,
        sourceColumn: relation.isOwning ? ownerColumn : otherColumn,
        targetColumn: relation.isOwning ? otherColumn : ownerColumn,
        label: linkTableLabel(owner.entityMetadata.targetName, owner.propertyName),
        isForward: relation.isOwning,
        symmetrical: declared?.kind === "manyToMany" && declared.symmetrical,
      },
    };
  }
  const keyRelation = relation.isOwning ? relation : relation.inverseRelation!;
  const keyOwner = relation.isOwning ? model : target;
  const keyColumn = keyOwner.columnByField.get(foreignKeyIdField(keyRelation.propertyName))!;
  const kind: RelationKind = relation.isOwning ? "toOne" : relation.isOneToOne ? "reverseOne" : "reverseMany";
  const declared = declaredField(keyRelation);
  const fallback = declared?.kind === "toOne" ? declared.default : undefined;
  return {
    ...base,
    kind,
    isList: kind === "reverseMany",
    keyColumn,
    referencedColumn: columnNamed(
      relation.isOwning ? target : model,
      keyRelation.joinColumns[0]!.referencedColumn!.databaseName,
    ),
    onDelete: declared?.kind === "toOne" ? declared.onDelete : "CASCADE",
    keyDefault: fallback?.kind === "value" ? (fallback.value as number | null) : undefined,
  };
}

/**
 * A `ManyToManyField(through=...)`: both sides read and link through the through model's two
 * keys, which `join` names as the columns of its table.
 */
function addThrough(model: ModelInfo, field: ManyToManyFieldDefinition, byName: ReadonlyMap<string, ModelInfo>): void {
  const target = byName.get(field.target)!;
  const through = byName.get(field.join.through!.model)!;
  const join = {
    table: through.table,
    label: through.name,
    symmetrical: field.symmetrical,
    through,
  };
  const forward: RelationInfo = {
    model,
    field: field.field,
    kind: "manyToMany",
    target,
    inverse: undefined as unknown as RelationInfo,
    isList: true,
    referencedColumn: model.primaryKey,
    join: { ...join, sourceColumn: field.join.sourceColumn, targetColumn: field.join.targetColumn, isForward: true },
  };
  model.relations.push(forward);
  if (field.symmetrical) {
    forward.inverse = forward;
    return;
  }
  const reverse: RelationInfo = {
    ...forward,
    model: target,
    field: field.reverseField!,
    target: model,
    inverse: forward,
    referencedColumn: target.primaryKey,
    join: { ...join, sourceColumn: field.join.targetColumn, targetColumn: field.join.sourceColumn, isForward: false },
  };
  forward.inverse = reverse;
  target.relations.push(reverse);
}

/** The side that declares the field in `models.py`: the key holder, or the ManyToManyField. */
export function forwardSide(relation: RelationInfo): RelationInfo {
  return relation.kind === "toOne" || relation.join?.isForward ? relation : relation.inverse;
}

/** A symmetrical `"self"` link is declared on one side only: it is its own inverse. */
function linkInverse(relation: RelationInfo, metadata: RelationMetadata): void {
  relation.inverse = metadata.inverseRelation
    ? relation.target.relations.find((other) => other.field === metadata.inverseRelation!.propertyName)!
    : relation;
  if (relation.kind === "toOne") relation.keyColumn!.relation = relation;
}
