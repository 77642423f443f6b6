/**
 * A `models.py` interpreted as Django would load it, without running it: statements in file
 * order, names resolved through the file's imports (only `django.db.models` and the default
 * callables mean anything), `Meta.abstract` bases copied into their children, and every
 * relation checked against the models of the file. What the playground cannot serve is refused
 * with the file, line and column, what was found and what is supported; a half-understood
 * model would serve an API that lies about the file.
 *
 *     const { models, warnings } = readModelsFile("shop/models.py");
 */
import { readFileSync } from "node:fs";
import { ModelsFileError } from "../../errors.js";
import {
  camelCase,
  defaultTableName,
  fieldName,
  foreignKeyColumn,
  joinTable,
  pluralFromVerboseName,
  pluralName,
  reverseManyName,
  reverseOneName,
} from "../../naming.js";
import {
  autoFieldTypes,
  onDeleteChoices,
  scalarTypes,
  type AutoFieldType,
  type Choice,
  type FieldDefault,
  type FieldDefinition,
  type ManyToManyFieldDefinition,
  type MetaDefinition,
  type ModelDefinition,
  type OnDelete,
  type OrderingTerm,
  type PrimaryKeyDefinition,
  type ScalarFieldDefinition,
  type ScalarType,
  type SourceLocation,
  type ToOneFieldDefinition,
} from "../definition.js";
import { parseModule, PythonSyntaxError, type ClassStatement, type Expression, type Statement } from "./parse.js";

export interface ModelsFile {
  file: string;
  /** The concrete models, in file order (abstract bases live on in their children's fields). */
  models: ModelDefinition[];
  /** What Django would run and the playground does not, `file:line:column: ...` each. */
  warnings: string[];
}

export function readModelsFile(path: string): ModelsFile {
  return readModelsSource(readFileSync(path, "utf8"), path);
}

/** `file` names the source in messages. */
export function readModelsSource(source: string, file = "models.py"): ModelsFile {
  let statements: Statement[];
  try {
    statements = parseModule(source);
  } catch (error) {
    if (!(error instanceof PythonSyntaxError)) throw error;
    const near = error.near.split("\n")[0]!;
    throw new ModelsFileError(
      file,
      error.at.line,
      error.at.column,
      near ? `invalid Python syntax at \`${near}\`` : "invalid Python syntax at the end of the file",
      "a file that Python itself can import",
    );
  }
  return new Interpreter(file).run(statements);
}

const djangoModels = "django.db.models";

const relationTypes = ["ForeignKey", "OneToOneField", "ManyToManyField"] as const;

const supportedFields = [...scalarTypes, ...relationTypes, ...autoFieldTypes].join(", ");

/** The callables a `default=` may name, by their qualified name. */
const defaultCallables: Record<string, { default: FieldDefault; spelled: string }> = {
  "datetime.datetime.now": { default: { kind: "now" }, spelled: "datetime.now" },
  "django.utils.timezone.now": { default: { kind: "now" }, spelled: "django.utils.timezone.now" },
  "datetime.date.today": { default: { kind: "today" }, spelled: "date.today" },
  "uuid.uuid4": { default: { kind: "uuid4" }, spelled: "uuid.uuid4" },
};

/** Calls that stand for a plain value: translated labels, and decimals written as text. */
const valueCalls = new Set([
  "django.utils.translation.gettext_lazy",
  "django.utils.translation.gettext",
  "django.utils.translation.ugettext_lazy",
  "django.utils.translation.ugettext",
  "django.utils.translation.pgettext_lazy",
  "decimal.Decimal",
]);

const supportedValues =
  "literals (strings, numbers, True, False, None), tuples and lists of them, constants of the file, " +
  "choices classes, gettext_lazy(...) and Decimal(...)";

type ValueKind =
  "text" | "integer" | "float" | "decimal" | "boolean" | "date" | "datetime" | "time" | "duration" | "uuid";

/** What each field type stores, and the options it takes besides the common ones. */
const scalarSpecs: Record<ScalarType, { value: ValueKind; options: readonly string[]; maxLength?: number }> = {
  CharField: { value: "text", options: ["max_length"] },
  TextField: { value: "text", options: ["max_length"] },
  SlugField: { value: "text", options: ["max_length"], maxLength: 50 },
  EmailField: { value: "text", options: ["max_length"], maxLength: 254 },
  URLField: { value: "text", options: ["max_length"], maxLength: 200 },
  IntegerField: { value: "integer", options: [] },
  BigIntegerField: { value: "integer", options: [] },
  SmallIntegerField: { value: "integer", options: [] },
  PositiveIntegerField: { value: "integer", options: [] },
  PositiveSmallIntegerField: { value: "integer", options: [] },
  PositiveBigIntegerField: { value: "integer", options: [] },
  FloatField: { value: "float", options: [] },
  DecimalField: { value: "decimal", options: ["max_digits", "decimal_places"] },
  BooleanField: { value: "boolean", options: [] },
  DateField: { value: "date", options: ["auto_now", "auto_now_add"] },
  DateTimeField: { value: "datetime", options: ["auto_now", "auto_now_add"] },
  TimeField: { value: "time", options: ["auto_now", "auto_now_add"] },
  DurationField: { value: "duration", options: [] },
  UUIDField: { value: "uuid", options: [] },
};

const fieldOptions = [
  "verbose_name",
  "null",
  "blank",
  "default",
  "unique",
  "choices",
  "help_text",
  "db_index",
  "editable",
];

const toOneOptions = [
  "to",
  "on_delete",
  "related_name",
  "to_field",
  "null",
  "blank",
  "unique",
  "default",
  "db_index",
  "editable",
  "help_text",
  "verbose_name",
];

const relationOptions: Record<(typeof relationTypes)[number], readonly string[]> = {
  ForeignKey: toOneOptions,
  OneToOneField: [...toOneOptions, "primary_key"],
  ManyToManyField: [
    "to",
    "related_name",
    "through",
    "through_fields",
    "symmetrical",
    "db_table",
    "null",
    "blank",
    "help_text",
    "verbose_name",
  ],
};

const defaultsByKind: Record<FieldDefault["kind"], readonly ValueKind[]> = {
  value: [],
  now: ["datetime", "date"],
  today: ["date"],
  uuid4: ["uuid"],
};

const metaOptions = [
  "ordering",
  "unique_together",
  "constraints",
  "db_table",
  "verbose_name",
  "verbose_name_plural",
  "indexes",
  "app_label",
  "abstract",
];

/** An evaluated constant: Python literals, and the choices of a `TextChoices` class. */
type Value = null | boolean | number | string | Value[] | ChoiceList;

class ChoiceList {
  constructor(readonly choices: Choice[]) {}
}

type Binding =
  | { kind: "import"; qualified: string }
  | { kind: "constant"; expression: Expression; scope: Scope }
  | { kind: "class"; info: ClassInfo }
  | { kind: "function" };

class Scope {
  private readonly bindings = new Map<string, Binding>();
  constructor(private readonly parent?: Scope) {}

  get(name: string): Binding | undefined {
    return this.bindings.get(name) ?? this.parent?.get(name);
  }

  /** A name bound in this scope itself, not in the ones around it. */
  own(name: string): Binding | undefined {
    return this.bindings.get(name);
  }

  set(name: string, binding: Binding): void {
    this.bindings.set(name, binding);
  }
}

type ClassInfo =
  | { kind: "model"; statement: ClassStatement; model: ModelDraft }
  | { kind: "choices"; statement: ClassStatement; members: Map<string, Choice>; choices: Choice[] }
  | { kind: "manager" | "plain"; statement: ClassStatement };

/** A field as declared, before relations can be resolved against the whole file. */
type FieldDraft =
  | { kind: "scalar"; definition: ScalarFieldDefinition; primaryKey?: AutoFieldType }
  | {
      kind: "relation";
      type: (typeof relationTypes)[number];
      name: string;
      call: Extract<Expression, { kind: "call" }>;
      target: Expression;
      options: Options;
      onDelete?: OnDelete;
      through?: Expression;
      at: SourceLocation;
    };

interface MetaDraft {
  values: Map<string, { value: Value; at: SourceLocation; text: string }>;
  constraints: Array<{ name: string; fields: string[]; at: SourceLocation }>;
  abstract: boolean;
  at?: SourceLocation;
}

/** A model class as read; an abstract base's drafts are resolved again for each child. */
interface ModelDraft {
  name: string;
  fields: Map<string, FieldDraft>;
  meta: MetaDraft;
  /** The class body's own names: constants and choices classes. */
  scope: Scope;
  at: SourceLocation;
}

type Refusal = [at: SourceLocation, found: string, supported: string];

class Interpreter {
  private readonly module = new Scope();
  private readonly drafts: ModelDraft[] = [];
  private readonly warnings: string[] = [];

  constructor(private readonly file: string) {}

  run(statements: Statement[]): ModelsFile {
    for (const statement of statements) this.moduleStatement(statement);
    const concrete = this.drafts.filter((draft) => !draft.meta.abstract);
    return { file: this.file, models: new Resolver(this.file, concrete).models(), warnings: this.warnings };
  }

  private refuse(...[at, found, supported]: Refusal): never {
    throw new ModelsFileError(this.file, at.line, at.column, found, supported);
  }

  private warn(at: SourceLocation, message: string): void {
    this.warnings.push(`${this.file}:${at.line}:${at.column}: ${message}`);
  }

  private moduleStatement(statement: Statement): void {
    switch (statement.kind) {
      case "import":
        for (const { name, qualified } of statement.bindings) this.module.set(name, { kind: "import", qualified });
        return;
      case "assign":
        for (const target of statement.targets) {
          this.module.set(target, { kind: "constant", expression: statement.value, scope: this.module });
        }
        return;
      case "function":
        this.module.set(statement.name, { kind: "function" });
        return;
      case "class":
        this.module.set(statement.name, { kind: "class", info: this.classDefinition(statement, this.module) });
        return;
      case "empty":
        return;
      case "other":
        this.refuse(statement.at, statement.what, "imports, constants, classes and functions at the top of the file");
    }
  }

  /** Sorts a class by its bases: a model (or abstract base), a choices enum, a manager, or other. */
  private classDefinition(statement: ClassStatement, scope: Scope): ClassInfo {
    const kinds = statement.bases.map((base) => this.baseKind(base, scope));
    const parents = kinds.filter((kind) => kind.kind === "model" || kind.kind === "abstract");
    if (parents.length > 0) {
      const stranger = kinds.findIndex((kind) => kind.kind !== "model" && kind.kind !== "abstract");
      if (stranger >= 0) {
        const base = statement.bases[stranger]!;
        this.refuse(base.at, `base class ${base.text}`, "models.Model and the abstract models of this file as bases");
      }
      const draft = this.model(
        statement,
        parents.flatMap((parent) => (parent.kind === "abstract" ? [parent.draft] : [])),
        scope,
      );
      return { kind: "model", statement, model: draft };
    }
    if (kinds.some((kind) => kind.kind === "choices")) return this.choicesClass(statement, kinds, scope);
    if (kinds.some((kind) => kind.kind === "manager")) return { kind: "manager", statement };
    const imported = kinds.findIndex((kind) => kind.kind === "imported");
    if (imported >= 0) {
      const base = statement.bases[imported]!;
      this.refuse(
        base.at,
        `class ${statement.name} with base ${base.text}`,
        "models.Model, abstract models of this file, models.TextChoices, models.IntegerChoices and models.Manager as bases",
      );
    }
    return { kind: "plain", statement };
  }

  private baseKind(
    base: Expression,
    scope: Scope,
  ): { kind: "model" | "choices" | "manager" | "imported" | "plain" } | { kind: "abstract"; draft: ModelDraft } {
    const resolved = this.resolveName(base, scope);
    if (resolved?.kind === "qualified") {
      const name = djangoName(resolved.qualified);
      if (name === "Model") return { kind: "model" };
      if (name === "TextChoices" || name === "IntegerChoices" || name === "Choices") return { kind: "choices" };
      if (name === "Manager" || name === "QuerySet") return { kind: "manager" };
      return { kind: "imported" };
    }
    if (resolved?.kind === "class") {
      const info = resolved.info;
      if (info.kind === "model") {
        if (info.model.meta.abstract) return { kind: "abstract", draft: info.model };
        this.refuse(
          base.at,
          `multi-table inheritance from ${info.model.name}`,
          "abstract base models (class Meta: abstract = True); link the models with a OneToOneField instead",
        );
      }
      return { kind: info.kind };
    }
    if (base.kind === "name" && base.path.join(".") === "object") return { kind: "plain" };
    this.refuse(base.at, `unknown base class ${base.text}`, "models.Model and the classes of this file as bases");
  }

  private choicesClass(statement: ClassStatement, kinds: Array<{ kind: string }>, scope: Scope): ClassInfo {
    const integer = statement.bases.some((base, index) => {
      const resolved = kinds[index]!.kind === "choices" ? this.resolveName(base, scope) : undefined;
      return resolved?.kind === "qualified" && djangoName(resolved.qualified) === "IntegerChoices";
    });
    const members = new Map<string, Choice>();
    for (const item of statement.body) {
      if (item.kind === "function" || item.kind === "empty") continue;
      if (item.kind !== "assign") {
        this.refuse(
          item.at,
          item.kind === "other" ? item.what : `a ${item.kind}`,
          "members NAME = value or NAME = value, label",
        );
      }
      const value = this.evaluate(item.value, scope);
      const [stored, label] = Array.isArray(value) ? value : [value, undefined];
      const valid = integer ? Number.isSafeInteger(stored) : typeof stored === "string" || typeof stored === "number";
      if (
        !valid ||
        (label !== undefined && typeof label !== "string") ||
        (Array.isArray(value) && value.length !== 2)
      ) {
        this.refuse(item.value.at, item.value.text, `NAME = ${integer ? "integer" : "value"} or NAME = value, "label"`);
      }
      for (const target of item.targets) {
        members.set(target, {
          value: stored as string | number,
          label: (label as string | undefined) ?? titleOf(target),
        });
      }
    }
    return { kind: "choices", statement, members, choices: [...members.values()] };
  }

  private model(statement: ClassStatement, parents: ModelDraft[], outer: Scope): ModelDraft {
    const scope = new Scope(outer);
    const draft: ModelDraft = {
      name: statement.name,
      fields: new Map(),
      meta: { values: new Map(), constraints: [], abstract: false },
      scope,
      at: statement.at,
    };
    for (const parent of parents) for (const [name, field] of parent.fields) draft.fields.set(name, field);
    let ownMeta: ClassStatement | undefined;
    for (const item of statement.body) {
      switch (item.kind) {
        case "empty":
          break;
        case "function":
          if (item.name === "save" || item.name === "delete") {
            this.warn(
              item.at,
              `${statement.name}.${item.name}() is overridden; the playground ignores it and writes rows itself`,
            );
          }
          break;
        case "class":
          if (item.name === "Meta") ownMeta = item;
          else {
            const info = this.classDefinition(item, scope);
            if (info.kind !== "choices") {
              this.refuse(
                item.at,
                `class ${item.name} inside a model`,
                "class Meta and choices classes inside a model",
              );
            }
            scope.set(item.name, { kind: "class", info });
          }
          break;
        case "assign":
          this.classAssignment(draft, item, scope);
          break;
        case "import":
        case "other":
          this.refuse(
            item.at,
            item.kind === "import" ? "an import inside a model" : item.what,
            "fields, class Meta, constants, choices classes and methods inside a model",
          );
      }
    }
    // Django's children of an abstract model inherit its Meta unless they declare their own
    // (`class Meta(Base.Meta)` extends it); `abstract` and `db_table` are never inherited.
    const inherited = ownMeta
      ? ownMeta.bases.length > 0
        ? this.metaBase(ownMeta, parents)
        : undefined
      : parents.find((parent) => parent.meta.at)?.meta;
    if (inherited) {
      for (const [name, value] of inherited.values) if (name !== "db_table") draft.meta.values.set(name, value);
      draft.meta.constraints.push(...inherited.constraints);
    }
    if (ownMeta) this.meta(draft, ownMeta, scope);
    this.drafts.push(draft);
    return draft;
  }

  private metaBase(meta: ClassStatement, parents: ModelDraft[]): MetaDraft {
    const base = meta.bases[0]!;
    const parent = parents.find(
      (candidate) => base.kind === "name" && base.path.join(".") === `${candidate.name}.Meta`,
    );
    if (!parent || meta.bases.length > 1)
      this.refuse(base.at, `class Meta(${base.text})`, "class Meta(Base.Meta) naming an abstract base of this model");
    return parent.meta;
  }

  private classAssignment(draft: ModelDraft, item: Extract<Statement, { kind: "assign" }>, scope: Scope): void {
    const value = item.value;
    const callee = value.kind === "call" ? this.resolveName(value.callee, scope) : undefined;
    const fieldType = callee?.kind === "qualified" ? djangoName(callee.qualified) : undefined;
    const isField =
      fieldType !== undefined &&
      ([...scalarTypes, ...relationTypes, ...autoFieldTypes] as readonly string[]).includes(fieldType);
    if (value.kind === "call" && isField) {
      for (const name of item.targets) {
        this.checkFieldName(name, item.at);
        draft.fields.delete(name);
        draft.fields.set(name, this.field(draft.name, name, fieldType as FieldType, value, scope, item.at));
      }
      return;
    }
    if (value.kind === "none" && item.targets.every((name) => draft.fields.has(name))) {
      // Django's way to drop a field inherited from an abstract base.
      for (const name of item.targets) draft.fields.delete(name);
      return;
    }
    if (value.kind === "call") {
      if (callee?.kind === "class" && callee.info.kind === "manager") return;
      if (callee?.kind === "qualified" && djangoName(callee.qualified) === "Manager") return;
      if (!(callee?.kind === "qualified" && valueCalls.has(callee.qualified))) {
        const qualified = callee?.kind === "qualified" ? callee.qualified : "";
        const found = qualified.startsWith("django.contrib.contenttypes")
          ? `a generic relation, ${value.callee.text}`
          : `${shorten(value.callee.text)}(...)`;
        this.refuse(value.at, found, `the field types ${supportedFields}, and managers`);
      }
    }
    for (const name of item.targets) scope.set(name, { kind: "constant", expression: value, scope });
  }

  private checkFieldName(name: string, at: SourceLocation): void {
    if (name === "pk" || name.includes("__") || name.endsWith("_")) {
      this.refuse(
        at,
        `a field named ${name}`,
        "field names without a double underscore or a trailing underscore, other than pk",
      );
    }
  }

  private field(
    model: string,
    name: string,
    type: FieldType,
    call: Extract<Expression, { kind: "call" }>,
    scope: Scope,
    at: SourceLocation,
  ): FieldDraft {
    if (call.starred) this.refuse(call.at, `${shorten(call.text)} with *args or **kwargs`, "arguments written out");
    if ((relationTypes as readonly string[]).includes(type)) {
      return this.relationField(model, name, type as (typeof relationTypes)[number], call, scope, at);
    }
    const isAuto = (autoFieldTypes as readonly string[]).includes(type);
    const spec = isAuto ? undefined : scalarSpecs[type as ScalarType];
    const allowed = isAuto ? ["primary_key", "verbose_name"] : [...fieldOptions, "primary_key", ...spec!.options];
    const options = this.options(call, type, allowed, ["verbose_name"], scope);
    const flag = (option: string, fallback = false): boolean => {
      const entry = options.get(option);
      if (!entry) return fallback;
      if (typeof entry.value !== "boolean") this.refuse(entry.at, entry.text, `${option}=True or ${option}=False`);
      return entry.value;
    };
    const primaryKey = flag("primary_key");
    if (isAuto) {
      if (!primaryKey) this.refuse(call.at, `${type} without primary_key=True`, `${type}(primary_key=True)`);
    } else if (primaryKey) {
      this.refuse(
        options.get("primary_key")!.at,
        `primary_key=True on a ${type}`,
        "AutoField, BigAutoField or SmallAutoField as the primary key, or primary_key=True on a OneToOneField",
      );
    }
    // An auto field becomes the model's primary key, not one of its fields; only its name and
    // column are read from this definition.
    const definition: ScalarFieldDefinition = {
      kind: "scalar",
      type: isAuto ? "IntegerField" : (type as ScalarType),
      name,
      field: fieldName(name),
      column: name,
      null: flag("null"),
      blank: flag("blank"),
      unique: flag("unique"),
      editable: flag("editable", true),
      dbIndex: flag("db_index"),
      autoNow: flag("auto_now"),
      autoNowAdd: flag("auto_now_add"),
      at,
    };
    this.text(options, "verbose_name", (value) => (definition.verboseName = value));
    this.text(options, "help_text", (value) => (definition.helpText = value));
    if (spec) this.scalarOptions(definition, type, spec, options, call);
    return isAuto ? { kind: "scalar", definition, primaryKey: type as AutoFieldType } : { kind: "scalar", definition };
  }

  private scalarOptions(
    definition: ScalarFieldDefinition,
    type: string,
    spec: (typeof scalarSpecs)[ScalarType],
    options: Options,
    call: Expression,
  ): void {
    const count = (option: string): number | undefined => {
      const entry = options.get(option);
      if (!entry) return undefined;
      if (!Number.isSafeInteger(entry.value) || (entry.value as number) < 0) {
        this.refuse(entry.at, entry.text, `${option} as a whole number`);
      }
      return entry.value as number;
    };
    definition.maxLength = count("max_length") ?? spec.maxLength;
    if (type === "CharField" && definition.maxLength === undefined) {
      this.refuse(call.at, "a CharField without max_length", "CharField(max_length=...)");
    }
    if (spec.value === "decimal") {
      definition.maxDigits = count("max_digits");
      definition.decimalPlaces = count("decimal_places");
      if (definition.maxDigits === undefined || definition.decimalPlaces === undefined) {
        this.refuse(
          call.at,
          "a DecimalField without max_digits and decimal_places",
          "DecimalField(max_digits=..., decimal_places=...)",
        );
      }
      if (definition.decimalPlaces > definition.maxDigits) {
        this.refuse(
          options.get("decimal_places")!.at,
          "decimal_places greater than max_digits",
          "decimal_places <= max_digits",
        );
      }
    }
    const choices = options.get("choices");
    if (choices) definition.choices = this.choices(choices, spec.value);
    const fallback = options.get("default");
    if (fallback) {
      if (definition.autoNow || definition.autoNowAdd) {
        this.refuse(
          fallback.at,
          "default= together with auto_now or auto_now_add",
          "one of default, auto_now and auto_now_add",
        );
      }
      definition.default = this.defaultValue(fallback, spec.value, definition.null);
    }
    if (definition.autoNow && definition.autoNowAdd) {
      this.refuse(
        options.get("auto_now_add")!.at,
        "auto_now together with auto_now_add",
        "one of auto_now and auto_now_add",
      );
    }
  }

  private choices(entry: Option, kind: ValueKind): Choice[] {
    const { value, at, text } = entry;
    const supported = "a list of (value, label) pairs, grouped or not, or a choices class's .choices";
    if (value instanceof ChoiceList) return value.choices;
    if (!Array.isArray(value)) this.refuse(at, shorten(text), supported);
    const pairs: Choice[] = [];
    const add = (pair: Value): void => {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[1] !== "string")
        this.refuse(at, shorten(text), supported);
      const [stored, label] = pair as [Value, string];
      if (Array.isArray(stored) || stored instanceof ChoiceList) this.refuse(at, shorten(text), supported);
      if (Array.isArray(pair[1])) return;
      if (!valueFits(stored, kind))
        this.refuse(at, `a choice ${JSON.stringify(stored)}`, `choices whose values are ${kind} values`);
      pairs.push({ value: stored as string | number, label });
    };
    for (const item of value) {
      // A group: ("Audio", [("vinyl", "Vinyl"), ("cd", "CD")]).
      if (Array.isArray(item) && item.length === 2 && Array.isArray(item[1])) item[1].forEach(add);
      else add(item);
    }
    return pairs;
  }

  private defaultValue(entry: Option & { expression?: Expression }, kind: ValueKind, nullable: boolean): FieldDefault {
    const { value, at, text } = entry;
    if (value instanceof DefaultCallable) {
      if (!defaultsByKind[value.value.kind].includes(kind)) {
        this.refuse(at, `default=${text}`, `a default callable that gives a ${kind} value`);
      }
      return value.value;
    }
    if (value === null && !nullable)
      this.refuse(at, "default=None on a field without null=True", "null=True with default=None");
    if (value !== null && !valueFits(value, kind)) {
      this.refuse(at, `default=${shorten(text)}`, `a ${kind} literal or one of ${callableNames()}`);
    }
    return { kind: "value", value: value as string | number | boolean | null };
  }

  private relationField(
    model: string,
    name: string,
    type: (typeof relationTypes)[number],
    call: Extract<Expression, { kind: "call" }>,
    scope: Scope,
    at: SourceLocation,
  ): FieldDraft {
    const positional = type === "ManyToManyField" ? ["to"] : ["to", "on_delete"];
    const keywords = new Map(call.keywords.map((keyword) => [keyword.name, keyword]));
    const target = keywords.get("to")?.value ?? call.args[0];
    if (!target) this.refuse(call.at, `a ${type} without its related model`, `${type}(Model, ...)`);
    const onDeleteExpression =
      keywords.get("on_delete")?.value ?? (type === "ManyToManyField" ? undefined : call.args[1]);
    let onDelete: OnDelete | undefined;
    if (type !== "ManyToManyField") {
      if (!onDeleteExpression)
        this.refuse(call.at, `a ${type} without on_delete`, `on_delete=models.${onDeleteChoices.join(", ")}`);
      const resolved = this.resolveName(onDeleteExpression, scope);
      const choice = resolved?.kind === "qualified" ? djangoName(resolved.qualified) : undefined;
      if (!choice || !(onDeleteChoices as readonly string[]).includes(choice)) {
        this.refuse(
          onDeleteExpression.at,
          `on_delete=${shorten(onDeleteExpression.text)}`,
          `on_delete=models.${onDeleteChoices.join(", ")}`,
        );
      }
      onDelete = choice as OnDelete;
    }
    const options = this.options(call, type, relationOptions[type], positional, scope, ["to", "on_delete", "through"]);
    if (type === "ManyToManyField" && options.has("null")) {
      this.warn(options.get("null")!.at, `null has no effect on ManyToManyField ${model}.${name}`);
    }
    const through = keywords.get("through")?.value;
    return { kind: "relation", type, name, call, target, options, onDelete, through, at };
  }

  /** The keyword options of a field call (and its positional ones, named), each evaluated. */
  private options(
    call: Extract<Expression, { kind: "call" }>,
    type: string,
    allowed: readonly string[],
    positional: readonly string[],
    scope: Scope,
    unevaluated: readonly string[] = [],
  ): Options {
    const options: Options = new Map();
    const supported = `the options of ${type}: ${allowed.join(", ")}`;
    call.args.forEach((arg, index) => {
      const option = positional[index];
      if (!option) this.refuse(arg.at, `a positional argument ${shorten(arg.text)}`, `${supported}, as keywords`);
      if (!unevaluated.includes(option)) options.set(option, this.entry(arg, arg.at, option, scope));
    });
    for (const keyword of call.keywords) {
      if (!allowed.includes(keyword.name)) this.refuse(keyword.at, shorten(keyword.text), supported);
      if (options.has(keyword.name)) this.refuse(keyword.at, `${keyword.name} given twice`, supported);
      if (unevaluated.includes(keyword.name)) continue;
      options.set(keyword.name, this.entry(keyword.value, keyword.at, keyword.name, scope));
    }
    return options;
  }

  /** An option's value, placed where the option is written (`null=True` at `null`). */
  private entry(expression: Expression, at: SourceLocation, option: string, scope: Scope): Option {
    const value = option === "default" ? this.defaultExpression(expression, scope) : this.evaluate(expression, scope);
    return { value, at, text: expression.text };
  }

  /** `default=` may also name a callable (not call it): `default=timezone.now`. */
  private defaultExpression(expression: Expression, scope: Scope): Value | DefaultCallable {
    const resolved = this.resolveName(expression, scope);
    if (resolved?.kind === "qualified" && defaultCallables[resolved.qualified]) {
      return new DefaultCallable(defaultCallables[resolved.qualified]!.default);
    }
    if (resolved?.kind === "qualified" || resolved?.kind === "function") {
      this.refuse(
        expression.at,
        `default=${shorten(expression.text)}`,
        `literals and the callables ${callableNames()}`,
      );
    }
    if (expression.kind === "call") {
      const callee = this.resolveName(expression.callee, scope);
      if (callee?.kind === "qualified" && defaultCallables[callee.qualified]) {
        this.refuse(
          expression.at,
          `default=${shorten(expression.text)}, a value computed once when the file loads`,
          `the callable itself, default=${expression.callee.text}`,
        );
      }
    }
    return this.evaluate(expression, scope);
  }

  private text(options: Options, option: string, set: (value: string) => void): void {
    const entry = options.get(option);
    if (!entry) return;
    if (typeof entry.value !== "string")
      this.refuse(entry.at, `${option}=${shorten(entry.text)}`, `${option} as a string`);
    set(entry.value);
  }

  private meta(draft: ModelDraft, meta: ClassStatement, scope: Scope): void {
    draft.meta.at = meta.at;
    for (const item of meta.body) {
      if (item.kind === "empty") continue;
      if (item.kind !== "assign") {
        this.refuse(
          item.at,
          item.kind === "other" ? item.what : `a ${item.kind} in class Meta`,
          `the Meta options ${metaOptions.join(", ")}`,
        );
      }
      for (const name of item.targets) {
        if (name === "proxy")
          this.refuse(item.at, "a proxy model (Meta.proxy)", "models.Model subclasses and abstract bases");
        if (!metaOptions.includes(name))
          this.refuse(item.at, `Meta.${name}`, `the Meta options ${metaOptions.join(", ")}`);
        if (name === "indexes") continue;
        if (name === "constraints") {
          draft.meta.constraints = this.constraints(item.value, scope);
          continue;
        }
        const value = this.evaluate(item.value, scope);
        if (name === "abstract") {
          if (typeof value !== "boolean") this.refuse(item.value.at, item.value.text, "abstract = True");
          draft.meta.abstract = value;
          continue;
        }
        draft.meta.values.set(name, { value, at: item.value.at, text: item.value.text });
      }
    }
  }

  private constraints(expression: Expression, scope: Scope): MetaDraft["constraints"] {
    const supported = "constraints = [models.UniqueConstraint(fields=[...], name=...)]";
    if (expression.kind !== "list" && expression.kind !== "tuple")
      this.refuse(expression.at, shorten(expression.text), supported);
    return expression.items.map((item) => {
      const callee = item.kind === "call" ? this.resolveName(item.callee, scope) : undefined;
      if (item.kind !== "call" || callee?.kind !== "qualified" || djangoName(callee.qualified) !== "UniqueConstraint") {
        this.refuse(item.at, shorten(item.text), supported);
      }
      if (item.args.length > 0) this.refuse(item.args[0]!.at, `a UniqueConstraint over expressions`, supported);
      const options = this.options(item, "UniqueConstraint", ["fields", "name"], [], scope);
      const fields = options.get("fields");
      const name = options.get("name");
      if (!fields || !name || typeof name.value !== "string" || !isStringList(fields.value)) {
        this.refuse(item.at, shorten(item.text), supported);
      }
      return { name: name.value, fields: fields.value, at: fields.at };
    });
  }

  /** What a name or dotted path stands for, through the file's imports and classes. */
  private resolveName(
    expression: Expression,
    scope: Scope,
  ):
    | { kind: "qualified"; qualified: string }
    | { kind: "class"; info: ClassInfo }
    | { kind: "function" }
    | { kind: "constant"; binding: Extract<Binding, { kind: "constant" }> }
    | { kind: "member"; info: Extract<ClassInfo, { kind: "choices" }>; member: string }
    | undefined {
    if (expression.kind !== "name") return undefined;
    const [head, ...rest] = expression.path;
    const binding = scope.get(head!);
    if (!binding) return undefined;
    if (binding.kind === "import") return { kind: "qualified", qualified: [binding.qualified, ...rest].join(".") };
    if (binding.kind === "function") return rest.length === 0 ? { kind: "function" } : undefined;
    if (binding.kind === "constant") return rest.length === 0 ? { kind: "constant", binding } : undefined;
    let info = binding.info;
    for (const [index, part] of rest.entries()) {
      if (info.kind === "choices" && index === rest.length - 1) return { kind: "member", info, member: part };
      if (info.kind !== "model") return undefined;
      const nested = this.nestedClass(info, part);
      if (!nested) return undefined;
      info = nested;
    }
    return { kind: "class", info };
  }

  private nestedClass(info: Extract<ClassInfo, { kind: "model" }>, name: string): ClassInfo | undefined {
    const binding = info.model.scope.own(name);
    return binding?.kind === "class" ? binding.info : undefined;
  }

  /** `models.F("name").desc()`: a call on the result of a call on `F`. */
  private callsF(expression: Expression, scope: Scope): boolean {
    if (expression.kind === "attribute") return this.callsF(expression.object, scope);
    if (expression.kind !== "call") return false;
    const callee = this.resolveName(expression.callee, scope);
    if (callee?.kind === "qualified" && djangoName(callee.qualified) === "F") return true;
    return this.callsF(expression.callee, scope);
  }

  private evaluate(expression: Expression, scope: Scope): Value {
    switch (expression.kind) {
      case "string":
      case "number":
      case "boolean":
        return expression.value;
      case "none":
        return null;
      case "tuple":
      case "list":
        return expression.items.map((item) => this.evaluate(item, scope));
      case "name": {
        const resolved = this.resolveName(expression, scope);
        if (resolved?.kind === "constant") return this.evaluate(resolved.binding.expression, resolved.binding.scope);
        if (resolved?.kind === "member") {
          if (resolved.member === "choices") return new ChoiceList(resolved.info.choices);
          const member = resolved.info.members.get(resolved.member);
          if (member) return member.value;
        }
        const found = resolved ? expression.text : `unknown name ${expression.text}`;
        return this.refuse(expression.at, found, supportedValues);
      }
      case "call": {
        const callee = this.resolveName(expression.callee, scope);
        const qualified = callee?.kind === "qualified" ? callee.qualified : undefined;
        if (
          qualified &&
          valueCalls.has(qualified) &&
          expression.args.length === 1 &&
          expression.keywords.length === 0
        ) {
          const value = this.evaluate(expression.args[0]!, scope);
          if (qualified === "decimal.Decimal" && (typeof value === "string" || typeof value === "number"))
            return String(value);
          if (typeof value === "string") return value;
        }
        const found = this.callsF(expression, scope)
          ? `an F() expression, ${shorten(expression.text)}`
          : shorten(expression.text);
        return this.refuse(expression.at, found, supportedValues);
      }
      case "attribute":
      case "other": {
        const what = expression.kind === "other" ? `${expression.what}, ` : "";
        return this.refuse(expression.at, `${what}${shorten(expression.text)}`, supportedValues);
      }
    }
  }
}

type FieldType = ScalarType | AutoFieldType | (typeof relationTypes)[number];

interface Option {
  value: Value | DefaultCallable;
  at: SourceLocation;
  text: string;
}

type Options = Map<string, Option>;

class DefaultCallable {
  constructor(readonly value: FieldDefault) {}
}

/**
 * The second pass, once every class is read: relation targets, `to_field`, `through=` models,
 * reverse accessors and `Meta` are checked against the whole file.
 */
class Resolver {
  private readonly byName: Map<string, ModelDraft>;
  private readonly definitions = new Map<string, ModelDefinition>();

  constructor(
    private readonly file: string,
    private readonly drafts: ModelDraft[],
  ) {
    this.byName = new Map();
    for (const draft of drafts) {
      if (this.byName.has(draft.name))
        this.refuse(draft.at, `a second model named ${draft.name}`, "one model per name");
      this.byName.set(draft.name, draft);
    }
  }

  private refuse(...[at, found, supported]: Refusal): never {
    throw new ModelsFileError(this.file, at.line, at.column, found, supported);
  }

  models(): ModelDefinition[] {
    // Scalars and primary keys first: relations look up the fields of their targets.
    for (const draft of this.drafts) this.definitions.set(draft.name, this.shell(draft));
    for (const draft of this.drafts) {
      const definition = this.definitions.get(draft.name)!;
      definition.fields = [...draft.fields.values()]
        .filter((field) => field.kind !== "scalar" || !field.primaryKey)
        .sort((a, b) => compareLocations(atOf(a), atOf(b)))
        .map((field) => (field.kind === "scalar" ? field.definition : this.relation(draft, field)));
    }
    for (const draft of this.drafts) this.definitions.get(draft.name)!.meta = this.meta(draft);
    const models = [...this.definitions.values()];
    this.checkNames(models);
    return models;
  }

  private shell(draft: ModelDraft): ModelDefinition {
    const keys = [...draft.fields.values()].filter(
      (field) =>
        (field.kind === "scalar" && field.primaryKey) ||
        (field.kind === "relation" && field.options.get("primary_key")?.value === true),
    );
    if (keys.length > 1) this.refuse(atOf(keys[1]!), "a second primary key", "one primary key per model");
    const key = keys[0];
    const primaryKey: PrimaryKeyDefinition =
      key?.kind === "scalar"
        ? { name: key.definition.name, column: key.definition.column, type: key.primaryKey! }
        : key?.kind === "relation"
          ? { name: key.name, column: foreignKeyColumn(key.name), type: "OneToOneField" }
          : { name: "id", column: "id", type: "AutoField" };
    const idField = draft.fields.get("id");
    if (idField && primaryKey.name !== "id") {
      this.refuse(atOf(idField), "a field named id that is not the primary key", "id as the primary key only");
    }
    const table = this.metaText(draft, "db_table") ?? defaultTableName(draft.name);
    const verboseNamePlural = this.metaText(draft, "verbose_name_plural");
    return {
      name: draft.name,
      table,
      plural: verboseNamePlural === undefined ? pluralName(draft.name) : pluralFromVerboseName(verboseNamePlural),
      primaryKey,
      fields: [...draft.fields.values()].flatMap((field) =>
        field.kind === "scalar" && !field.primaryKey ? [field.definition] : [],
      ),
      meta: { ordering: [], uniqueTogether: [], constraints: [] },
      at: draft.at,
    };
  }

  private metaText(draft: ModelDraft, option: string): string | undefined {
    const entry = draft.meta.values.get(option);
    if (!entry) return undefined;
    if (typeof entry.value !== "string" || entry.value === "")
      this.refuse(entry.at, `Meta.${option} = ${entry.text}`, `Meta.${option} as a non-empty string`);
    return entry.value;
  }

  private target(draft: ModelDraft, field: Extract<FieldDraft, { kind: "relation" }>): ModelDraft {
    const expression = field.target;
    const known = `the models of this file (${[...this.byName.keys()].join(", ")}), "self" or "app_label.Model"`;
    let name: string | undefined;
    if (expression.kind === "string") {
      name = expression.value === "self" ? draft.name : expression.value.split(".").pop();
    } else if (expression.kind === "name" && expression.path.length === 1) {
      name = expression.path[0];
    } else {
      this.refuse(expression.at, `related model ${shorten(expression.text)}`, known);
    }
    const target = this.byName.get(name!);
    if (!target) this.refuse(expression.at, `unknown related model ${expression.text}`, known);
    return target;
  }

  private relation(draft: ModelDraft, field: Extract<FieldDraft, { kind: "relation" }>): FieldDefinition {
    const target = this.target(draft, field);
    const flag = (option: string, fallback = false): boolean => {
      const entry = field.options.get(option);
      if (!entry) return fallback;
      if (typeof entry.value !== "boolean") this.refuse(entry.at, entry.text, `${option}=True or ${option}=False`);
      return entry.value;
    };
    const text = (option: string): string | undefined => {
      const entry = field.options.get(option);
      if (!entry) return undefined;
      if (typeof entry.value !== "string")
        this.refuse(entry.at, `${option}=${shorten(entry.text)}`, `${option} as a string`);
      return entry.value;
    };
    const relatedName = this.relatedName(draft, field);
    const common = {
      name: field.name,
      field: fieldName(field.name),
      target: target.name,
      relatedName,
      null: flag("null"),
      blank: flag("blank"),
      editable: flag("editable", true),
      dbIndex: field.type !== "ManyToManyField",
      verboseName: text("verbose_name"),
      helpText: text("help_text"),
      at: field.at,
    };
    if (field.type === "ManyToManyField") return this.manyToMany(draft, field, target, common, text("db_table"));
    const targetDefinition = this.definitions.get(target.name)!;
    const toField = this.toField(field, targetDefinition);
    const definition: ToOneFieldDefinition = {
      ...common,
      kind: "toOne",
      type: field.type,
      column: foreignKeyColumn(field.name),
      unique: field.type === "OneToOneField" || flag("unique"),
      toField,
      onDelete: field.onDelete!,
      reverseField: (field.type === "OneToOneField" ? reverseOneName : reverseManyName)(
        draft.name,
        relatedName === undefined ? undefined : fieldName(relatedName),
      ),
      primaryKey: flag("primary_key"),
    };
    const fallback = field.options.get("default");
    if (fallback) {
      if (fallback.value !== null && !Number.isSafeInteger(fallback.value)) {
        this.refuse(fallback.at, `default=${shorten(fallback.text)}`, "the primary key value of a row, or None");
      }
      definition.default = { kind: "value", value: fallback.value as number | null };
    }
    if (definition.onDelete === "SET_NULL" && !definition.null) {
      this.refuse(field.at, "on_delete=SET_NULL on a field without null=True", "null=True with on_delete=SET_NULL");
    }
    if (definition.onDelete === "SET_DEFAULT" && !definition.default) {
      this.refuse(
        field.at,
        "on_delete=SET_DEFAULT on a field without a default",
        "default= with on_delete=SET_DEFAULT",
      );
    }
    return definition;
  }

  /** `related_name`, with `%(class)s` filled in as Django does for abstract bases. */
  private relatedName(draft: ModelDraft, field: Extract<FieldDraft, { kind: "relation" }>): string | undefined {
    const entry = field.options.get("related_name");
    if (!entry) return undefined;
    const supported = 'related_name as a Python identifier (no "+"), optionally with %(class)s or %(model_name)s';
    if (typeof entry.value !== "string") this.refuse(entry.at, `related_name=${entry.text}`, supported);
    const name = entry.value
      .replaceAll("%(class)s", draft.name.toLowerCase())
      .replaceAll("%(model_name)s", draft.name.toLowerCase());
    if (!isIdentifier(name)) this.refuse(entry.at, `related_name=${entry.text}`, supported);
    return name;
  }

  private toField(field: Extract<FieldDraft, { kind: "relation" }>, target: ModelDefinition): string {
    const entry = field.options.get("to_field");
    if (!entry) return target.primaryKey.name;
    const named = target.fields.find((candidate) => candidate.name === entry.value);
    if (entry.value === target.primaryKey.name) return target.primaryKey.name;
    if (!named || named.kind !== "scalar" || !named.unique) {
      this.refuse(entry.at, `to_field=${entry.text}`, `to_field naming a unique field of ${target.name}`);
    }
    return named.name;
  }

  private manyToMany(
    draft: ModelDraft,
    field: Extract<FieldDraft, { kind: "relation" }>,
    target: ModelDraft,
    common: Omit<ManyToManyFieldDefinition, "kind" | "type" | "unique" | "symmetrical" | "join" | "reverseField">,
    dbTable: string | undefined,
  ): ManyToManyFieldDefinition {
    const self = target.name === draft.name;
    const symmetricalEntry = field.options.get("symmetrical");
    if (symmetricalEntry && typeof symmetricalEntry.value !== "boolean") {
      this.refuse(symmetricalEntry.at, symmetricalEntry.text, "symmetrical=True or symmetrical=False");
    }
    // Django reads `symmetrical` only on a link of a model to itself, where it defaults to True.
    const symmetrical = self && (symmetricalEntry?.value ?? true) === true;
    const through = field.through;
    if (through && dbTable !== undefined) {
      this.refuse(
        field.options.get("db_table")!.at,
        "db_table together with through=",
        "db_table on the through model's Meta",
      );
    }
    const own = joinTable(draft.name, this.definitions.get(draft.name)!.table, field.name, target.name);
    return {
      ...common,
      kind: "manyToMany",
      type: "ManyToManyField",
      unique: false,
      symmetrical,
      reverseField: symmetrical
        ? undefined
        : reverseManyName(draft.name, common.relatedName === undefined ? undefined : fieldName(common.relatedName)),
      join: through ? this.through(draft, field, target, through) : { ...own, table: dbTable ?? own.table },
    };
  }

  private through(
    draft: ModelDraft,
    field: Extract<FieldDraft, { kind: "relation" }>,
    target: ModelDraft,
    through: Expression,
  ): ManyToManyFieldDefinition["join"] {
    const known = `through= naming a model of this file (${[...this.byName.keys()].join(", ")})`;
    const name =
      through.kind === "string"
        ? through.value.split(".").pop()
        : through.kind === "name"
          ? through.path.join(".")
          : undefined;
    const model = name === undefined ? undefined : this.byName.get(name);
    if (!model) this.refuse(through.at, `through=${through.text}`, known);
    const keys = [...model.fields.values()].filter(
      (candidate): candidate is Extract<FieldDraft, { kind: "relation" }> =>
        candidate.kind === "relation" && candidate.type !== "ManyToManyField",
    );
    const pointingAt = (modelName: string) => keys.filter((key) => this.target(model, key).name === modelName);
    const throughFields = field.options.get("through_fields");
    let source: Extract<FieldDraft, { kind: "relation" }> | undefined;
    let other: Extract<FieldDraft, { kind: "relation" }> | undefined;
    if (throughFields) {
      const names = throughFields.value;
      if (!isStringList(names) || names.length !== 2) {
        this.refuse(
          throughFields.at,
          `through_fields=${throughFields.text}`,
          "through_fields=(source_field, target_field)",
        );
      }
      [source, other] = names.map((keyName) => keys.find((key) => key.name === keyName));
      if (
        !source ||
        this.target(model, source).name !== draft.name ||
        !other ||
        this.target(model, other).name !== target.name
      ) {
        this.refuse(
          throughFields.at,
          `through_fields=${throughFields.text}`,
          `foreign keys of ${model.name} to ${draft.name} and then to ${target.name}`,
        );
      }
    } else if (draft.name === target.name) {
      const both = pointingAt(draft.name);
      if (both.length === 2) [source, other] = both;
    } else {
      const sources = pointingAt(draft.name);
      const others = pointingAt(target.name);
      if (sources.length === 1 && others.length === 1) [source, other] = [sources[0], others[0]];
    }
    if (!source || !other) {
      this.refuse(
        through.at,
        `through=${through.text} without one foreign key to ${draft.name} and one to ${target.name}`,
        "a through model with exactly those two foreign keys, or through_fields=(source, target)",
      );
    }
    return {
      table: this.definitions.get(model.name)!.table,
      sourceColumn: foreignKeyColumn(source.name),
      targetColumn: foreignKeyColumn(other.name),
      through: { model: model.name, sourceField: source.name, targetField: other.name },
    };
  }

  private meta(draft: ModelDraft): MetaDefinition {
    const definition = this.definitions.get(draft.name)!;
    const meta: MetaDefinition = {
      ordering: this.ordering(draft, definition),
      uniqueTogether: this.uniqueTogether(draft, definition),
      constraints: draft.meta.constraints.map(({ name, fields, at }) => ({
        name,
        fields: fields.map((field) => this.localField(definition, field, at, "UniqueConstraint fields")),
      })),
    };
    const verboseName = this.metaText(draft, "verbose_name");
    const verboseNamePlural = this.metaText(draft, "verbose_name_plural");
    const appLabel = this.metaText(draft, "app_label");
    if (verboseName !== undefined) meta.verboseName = verboseName;
    if (verboseNamePlural !== undefined) meta.verboseNamePlural = verboseNamePlural;
    if (appLabel !== undefined) meta.appLabel = appLabel;
    return meta;
  }

  private ordering(draft: ModelDraft, definition: ModelDefinition): OrderingTerm[] {
    const entry = draft.meta.values.get("ordering");
    if (!entry) return [];
    const supported = 'ordering = ["field", "-field", "relation__field"]';
    if (!isStringList(entry.value)) this.refuse(entry.at, `ordering = ${shorten(entry.text)}`, supported);
    return entry.value.map((term) => {
      const descending = term.startsWith("-");
      const path = (descending ? term.slice(1) : term).split("__");
      let model = definition;
      path.forEach((segment, index) => {
        if (segment === "pk") path[index] = segment = model.primaryKey.name;
        if (segment === model.primaryKey.name && index === path.length - 1) return;
        const field = model.fields.find((candidate) => candidate.name === segment);
        const last = index === path.length - 1;
        if (!field || (!last && field.kind !== "toOne") || field.kind === "manyToMany") {
          this.refuse(
            entry.at,
            `ordering by "${term}" of ${definition.name}`,
            `${supported}, naming fields and foreign keys`,
          );
        }
        if (field.kind === "toOne") model = this.definitions.get(field.target)!;
      });
      return { path, descending };
    });
  }

  private uniqueTogether(draft: ModelDraft, definition: ModelDefinition): string[][] {
    const entry = draft.meta.values.get("unique_together");
    if (!entry) return [];
    // Django also takes a single set: unique_together = ("a", "b").
    const sets = isStringList(entry.value) ? [entry.value] : entry.value;
    if (!Array.isArray(sets) || !sets.every(isStringList)) {
      this.refuse(
        entry.at,
        `unique_together = ${shorten(entry.text)}`,
        'unique_together = [("field", "other_field"), ...]',
      );
    }
    return sets.map((set) => set.map((name) => this.localField(definition, name, entry.at, "unique_together")));
  }

  private localField(definition: ModelDefinition, name: string, at: SourceLocation, option: string): string {
    const field = definition.fields.find((candidate) => candidate.name === name);
    if (name !== definition.primaryKey.name && (!field || field.kind === "manyToMany")) {
      this.refuse(
        at,
        `${option} naming "${name}", not a field of ${definition.name}`,
        `${option} naming fields and foreign keys of the model`,
      );
    }
    return name;
  }

  /** Every name a model's GraphQL type will carry, its own and its reverse accessors, unique. */
  private checkNames(models: ModelDefinition[]): void {
    const rootNames = new Map<string, string>();
    for (const model of models) {
      for (const [name, role] of [
        [camelCase(model.name), "the root field"],
        [model.plural, "the root list"],
      ] as const) {
        if (!isIdentifier(name) || rootNames.has(name)) {
          this.refuse(
            model.at,
            `${model.name}'s ${role} ${name || "(empty)"}, ${rootNames.has(name) ? `also ${rootNames.get(name)}` : "not a GraphQL name"}`,
            "distinct model names and Meta.verbose_name_plural",
          );
        }
        rootNames.set(name, `${role} of ${model.name}`);
      }
    }
    const fields = new Map(models.map((model) => [model.name, new Map<string, string>([["id", "its primary key"]])]));
    const claim = (model: string, name: string, what: string, at: SourceLocation) => {
      const taken = fields.get(model)!;
      if (taken.has(name) || name === "nodeId") {
        this.refuse(
          at,
          `${what}, which gives ${model} a second field ${name} (${taken.get(name) ?? "Relay's id"})`,
          "distinct names; set or change related_name",
        );
      }
      taken.set(name, what);
    };
    for (const model of models) {
      for (const field of model.fields) {
        claim(model.name, field.field, `${model.name}.${field.name}`, field.at);
        if (field.kind === "toOne")
          claim(model.name, `${field.field}Id`, `the key of ${model.name}.${field.name}`, field.at);
      }
    }
    for (const model of models) {
      for (const field of model.fields) {
        if (field.kind === "scalar" || field.reverseField === undefined) continue;
        claim(field.target, field.reverseField, `the reverse of ${model.name}.${field.name}`, field.at);
      }
    }
  }
}

function atOf(field: FieldDraft): SourceLocation {
  return field.kind === "scalar" ? field.definition.at : field.at;
}

function compareLocations(a: SourceLocation, b: SourceLocation): number {
  return a.line - b.line || a.column - b.column;
}

/** `django.db.models.CharField` -> `CharField`; anything not from `django.db.models` -> undefined. */
function djangoName(qualified: string): string | undefined {
  for (const module of [
    djangoModels,
    `${djangoModels}.fields`,
    `${djangoModels}.deletion`,
    `${djangoModels}.constraints`,
  ]) {
    if (qualified.startsWith(`${module}.`) && !qualified.slice(module.length + 1).includes(".")) {
      return qualified.slice(module.length + 1);
    }
  }
  return undefined;
}

function valueFits(value: Value, kind: ValueKind): boolean {
  switch (kind) {
    case "integer":
      return Number.isSafeInteger(value);
    case "float":
      return typeof value === "number";
    case "decimal":
      return (
        typeof value === "number" || (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value)))
      );
    case "boolean":
      return typeof value === "boolean";
    default:
      return typeof value === "string";
  }
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

function isIdentifier(name: string): boolean {
  if (name === "") return false;
  for (const [index, character] of [...name].entries()) {
    const letter =
      (character >= "a" && character <= "z") || (character >= "A" && character <= "Z") || character === "_";
    if (!letter && !(index > 0 && character >= "0" && character <= "9")) return false;
  }
  return true;
}

/** Django's label for a choices member without one: `IN_PROGRESS` -> `In Progress`. */
function titleOf(member: string): string {
  return member
    .split("_")
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join(" ");
}

function callableNames(): string {
  return Object.values(defaultCallables)
    .map((entry) => entry.spelled)
    .join(", ");
}

/** An expression's text for a message: one line, at most 60 characters. */
function shorten(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
