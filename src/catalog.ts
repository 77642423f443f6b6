/**
 * The models as data: columns and relations read once from TypeORM's metadata, in the shape
 * the SQL and GraphQL machinery need (which column holds the key, which join table links two
 * models, what Django's `on_delete` is). Nothing here is written per model.
 */
import type { DataSource, EntityMetadata } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata.js";
import type { RelationMetadata } from "typeorm/metadata/RelationMetadata.js";
import { kindOfType, type ScalarKind } from "./graphql/scalars.js";
import type { OrderingTerm, ScalarFieldDefinition } from "./models/definition.js";
import { definitionOf, onDeleteActions, type ServedOnDelete as OnDelete } from "./models/entities.js";
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
  /** `toOne` and `reverse*`: Django's on_delete of the key. */
  onDelete?: OnDelete;
  /** `manyToMany`: the join table and its column pointing at each side. */
  join?: {
    table: string;
    sourceColumn: string;
    targetColumn: string;
    /** Django's label for its rows in `delete()` counts: `Course_students`. */
    label: string;
    /** Whether `model` declares the ManyToManyField (Django's forward side). */
    isForward: boolean;
  };
}

export interface ModelInfo {
  name: string;
  table: string;
  names: ModelNames;
  /** `id` first, then the scalars and foreign keys in declaration order. */
  columns: ColumnInfo[];
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

const onDeleteByAction = new Map(Object.entries(onDeleteActions).map(([django, sql]) => [sql, django as OnDelete]));

export function buildCatalog(dataSource: DataSource): Catalog {
  const entities = dataSource.entityMetadatas.filter((entity) => !entity.isJunction);
  const byName = new Map<string, ModelInfo>();
  for (const entity of entities) byName.set(entity.targetName, describeModel(entity));
  for (const entity of entities) {
    const model = byName.get(entity.targetName)!;
    for (const relation of entity.relations) model.relations.push(describeRelation(model, relation, byName));
  }
  for (const entity of entities) linkInverses(byName.get(entity.targetName)!, entity);
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
  const columns = ordered.map((column) => describeColumn(entity, column));
  const relations: RelationInfo[] = [];
  return {
    name: entity.targetName,
    table: entity.tableName,
    names: modelNames(entity.targetName, definitionOf(entity.target as Function)?.plural),
    columns,
    relations,
    columnByField: new Map(columns.map((column) => [column.field, column])),
    relationByField: new Map(),
    ordering: definitionOf(entity.target as Function)?.meta.ordering ?? [],
    uniqueTogether: [],
  };
}

function describeColumn(entity: EntityMetadata, column: ColumnMetadata): ColumnInfo {
  const isForeignKey = column.relationMetadata !== undefined;
  const singleColumnUnique =
    entity.uniques.some((unique) => unique.columns.length === 1 && unique.columns[0] === column) ||
    entity.indices.some((index) => index.isUnique && index.columns.length === 1 && index.columns[0] === column);
  const definition = definitionOf(entity.target as Function)?.fields.find(
    (field): field is ScalarFieldDefinition => field.kind === "scalar" && field.field === column.propertyName,
  );
  return {
    field: isForeignKey ? foreignKeyIdField(column.propertyName) : column.propertyName,
    column: column.databaseName,
    kind: definition ? kindOfType[definition.type] : "id",
    nullable: column.isNullable,
    unique: column.isPrimary || singleColumnUnique || column.relationMetadata?.isOneToOneOwner === true,
    maxLength: column.length ? Number(column.length) : undefined,
    definition,
  };
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
    const ownerColumn = owner.joinColumns[0]!.databaseName;
    const otherColumn = owner.inverseJoinColumns[0]!.databaseName;
    return {
      ...base,
      kind: "manyToMany",
      isList: true,
      join: {
        table: owner.junctionEntityMetadata!.tableName,
        sourceColumn: relation.isOwning ? ownerColumn : otherColumn,
        targetColumn: relation.isOwning ? otherColumn : ownerColumn,
        label: linkTableLabel(owner.entityMetadata.targetName, owner.propertyName),
        isForward: relation.isOwning,
      },
    };
  }
  const keyRelation = relation.isOwning ? relation : relation.inverseRelation!;
  const keyOwner = relation.isOwning ? model : target;
  const keyColumn = keyOwner.columnByField.get(foreignKeyIdField(keyRelation.propertyName))!;
  const kind: RelationKind = relation.isOwning ? "toOne" : relation.isOneToOne ? "reverseOne" : "reverseMany";
  return {
    ...base,
    kind,
    isList: kind === "reverseMany",
    keyColumn,
    onDelete: onDeleteByAction.get(keyRelation.onDelete as (typeof onDeleteActions)[OnDelete]) ?? "CASCADE",
  };
}

/** The side that declares the field in `models.py`: the key holder, or the ManyToManyField. */
export function forwardSide(relation: RelationInfo): RelationInfo {
  return relation.kind === "toOne" || relation.join?.isForward ? relation : relation.inverse;
}

function linkInverses(model: ModelInfo, entity: EntityMetadata): void {
  const relationByField = model.relationByField as Map<string, RelationInfo>;
  for (const relation of model.relations) {
    relationByField.set(relation.field, relation);
    const metadata = entity.relations.find((candidate) => candidate.propertyName === relation.field)!;
    relation.inverse = relation.target.relations.find(
      (other) => other.field === metadata.inverseRelation!.propertyName,
    )!;
    if (relation.kind === "toOne") relation.keyColumn!.relation = relation;
  }
}
