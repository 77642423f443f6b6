/**
 * Django models as plain data: what a `models.py` declares, with every name the database and
 * the API use already resolved (tables, columns, reverse accessors, join tables), so that
 * entities, the catalog and the GraphQL types can be derived from it without reading Python
 * again. Django names (`passport_number`) are kept beside the API's (`passportNumber`), since
 * tables, `Meta` options and error messages speak Django.
 */

/** Where a declaration starts in its file: 1-based line and column. */
export interface SourceLocation {
  line: number;
  column: number;
}

export type OnDelete = "CASCADE" | "PROTECT" | "RESTRICT" | "SET_NULL" | "SET_DEFAULT" | "DO_NOTHING";

export const onDeleteChoices: readonly OnDelete[] = [
  "CASCADE",
  "PROTECT",
  "RESTRICT",
  "SET_NULL",
  "SET_DEFAULT",
  "DO_NOTHING",
];

/** Django's field classes that hold a value, as opposed to a relation. */
export const scalarTypes = [
  "CharField",
  "TextField",
  "SlugField",
  "EmailField",
  "URLField",
  "IntegerField",
  "BigIntegerField",
  "SmallIntegerField",
  "PositiveIntegerField",
  "PositiveSmallIntegerField",
  "PositiveBigIntegerField",
  "FloatField",
  "DecimalField",
  "BooleanField",
  "DateField",
  "DateTimeField",
  "TimeField",
  "DurationField",
  "UUIDField",
] as const;

export type ScalarType = (typeof scalarTypes)[number];

export const autoFieldTypes = ["AutoField", "BigAutoField", "SmallAutoField"] as const;

export type AutoFieldType = (typeof autoFieldTypes)[number];

/**
 * A `default=`: a literal, or one of the callables Django calls per row (`datetime.now` and
 * `django.utils.timezone.now` are `now`, `date.today` is `today`, `uuid.uuid4` is `uuid4`).
 */
export type FieldDefault =
  { kind: "value"; value: string | number | boolean | null } | { kind: "now" } | { kind: "today" } | { kind: "uuid4" };

/** One of `choices`: the stored value and its human-readable label. */
export interface Choice {
  value: string | number;
  label: string;
}

interface FieldCommon {
  /** The Django name, as written in the class body: `passport_number`. */
  name: string;
  /** The row property and GraphQL field: `passportNumber`. */
  field: string;
  null: boolean;
  blank: boolean;
  unique: boolean;
  editable: boolean;
  dbIndex: boolean;
  verboseName?: string;
  /** `help_text`, the field's GraphQL description. */
  helpText?: string;
  at: SourceLocation;
}

export interface ScalarFieldDefinition extends FieldCommon {
  kind: "scalar";
  type: ScalarType;
  column: string;
  /** Given or Django's default for the type (`SlugField` 50, `EmailField` 254, `URLField` 200). */
  maxLength?: number;
  maxDigits?: number;
  decimalPlaces?: number;
  default?: FieldDefault;
  choices?: Choice[];
  autoNow: boolean;
  autoNowAdd: boolean;
}

/** A `ForeignKey` or `OneToOneField`: a key column on this model's table. */
export interface ToOneFieldDefinition extends FieldCommon {
  kind: "toOne";
  type: "ForeignKey" | "OneToOneField";
  /** `<name>_id`. */
  column: string;
  /** The related model's name (`"self"` and `"app.Model"` resolved). */
  target: string;
  /** The Django name of the target field the key holds: its primary key unless `to_field`. */
  toField: string;
  onDelete: OnDelete;
  relatedName?: string;
  /** The accessor on the target: `related_name` camelCased, else `<model>Set` or `<model>`. */
  reverseField: string;
  /** `primary_key=True` on a `OneToOneField`: this key is also the row's primary key. */
  primaryKey: boolean;
  default?: FieldDefault;
}

/** A `ManyToManyField`: rows linked through a join table, Django's own or a `through=` model. */
export interface ManyToManyFieldDefinition extends FieldCommon {
  kind: "manyToMany";
  type: "ManyToManyField";
  target: string;
  relatedName?: string;
  /** The accessor on the target; absent for a symmetrical `"self"` link, which is its own reverse. */
  reverseField?: string;
  symmetrical: boolean;
  join: {
    table: string;
    /** The column holding this model's key, and the one holding the target's. */
    sourceColumn: string;
    targetColumn: string;
    /** The `through=` model and its two foreign keys (`through_fields` or the only candidates). */
    through?: { model: string; sourceField: string; targetField: string };
  };
}

export type RelationFieldDefinition = ToOneFieldDefinition | ManyToManyFieldDefinition;

export type FieldDefinition = ScalarFieldDefinition | RelationFieldDefinition;

/** The row's primary key: Django's implicit `id`, a declared auto field, or a one-to-one key. */
export interface PrimaryKeyDefinition {
  name: string;
  column: string;
  type: AutoFieldType | "OneToOneField";
}

/** One entry of `Meta.ordering`: a path of Django names (`["author", "name"]` for `author__name`). */
export interface OrderingTerm {
  path: string[];
  descending: boolean;
}

export interface MetaDefinition {
  ordering: OrderingTerm[];
  /** `unique_together`: sets of Django field names. */
  uniqueTogether: string[][];
  /** `constraints`: each `UniqueConstraint(fields=[...], name=...)`. */
  constraints: Array<{ name: string; fields: string[] }>;
  verboseName?: string;
  verboseNamePlural?: string;
  appLabel?: string;
}

export interface ModelDefinition {
  name: string;
  table: string;
  /** The root list field: `verbose_name_plural` camelCased, else the English plural. */
  plural: string;
  primaryKey: PrimaryKeyDefinition;
  /** In Django's order: inherited fields first, then the class's own, as declared. */
  fields: FieldDefinition[];
  meta: MetaDefinition;
  at: SourceLocation;
}
