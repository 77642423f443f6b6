/**
 * models.py read into model definitions: the fixtures in test/models-py/ use every field type,
 * option and relation kind the playground supports, and the refusals name file, line and column.
 * The built-in models' own models.py must read as exactly what the decorator models declare.
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Catalog } from "../src/catalog.js";
import { ModelsFileError } from "../src/errors.js";
import type { FieldDefinition, ModelDefinition } from "../src/models/definition.js";
import { builtinModelsFile } from "../src/models/index.js";
import { readModelsFile, readModelsSource, type ModelsFile } from "../src/models/python/definitions.js";
import { projectFile } from "../src/paths.js";
import { TestPlayground } from "./support/playground.js";

const fixture = (name: string) => projectFile("test", "models-py", name);

function model(file: ModelsFile, name: string): ModelDefinition {
  const found = file.models.find((candidate) => candidate.name === name);
  assert.ok(found, `no model ${name} in ${file.models.map((each) => each.name).join(", ")}`);
  return found;
}

function field(definition: ModelDefinition, name: string): FieldDefinition {
  const found = definition.fields.find((candidate) => candidate.name === name);
  assert.ok(found, `no field ${definition.name}.${name}`);
  return found;
}

/** A field without its position and the options it leaves at their defaults. */
function options(definition: FieldDefinition): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(definition).filter(([key, value]) => value !== undefined && key !== "at" && key !== "name"),
  );
}

const plain = {
  null: false,
  blank: false,
  unique: false,
  editable: true,
  dbIndex: false,
  autoNow: false,
  autoNowAdd: false,
};

describe("every field type and option (shop.py)", () => {
  const shop = readModelsFile(fixture("shop.py"));
  const Shop = model(shop, "Shop");
  const Item = model(shop, "Item");

  test("only concrete models are served; an abstract base lends its fields and Meta first", () => {
    assert.deepEqual(
      shop.models.map((each) => each.name),
      ["Shop", "Item"],
    );
    assert.deepEqual(
      Shop.fields.map((each) => each.name),
      [
        "created",
        "updated",
        "name",
        "slug",
        "email",
        "website",
        "description",
        "opens_at",
        "delivery_time",
        "founded",
        "token",
      ],
    );
    assert.deepEqual(Shop.meta.ordering, [{ path: ["created"], descending: true }]);
    assert.deepEqual(options(field(Shop, "created")), {
      kind: "scalar",
      type: "DateTimeField",
      field: "created",
      column: "created",
      ...plain,
      autoNowAdd: true,
    });
    assert.deepEqual(options(field(Shop, "updated")), {
      kind: "scalar",
      type: "DateTimeField",
      field: "updated",
      column: "updated",
      ...plain,
      autoNow: true,
    });
  });

  test("text fields: max_length given or Django's default, verbose_name positional, help_text, blank, unique", () => {
    assert.deepEqual(options(field(Shop, "name")), {
      kind: "scalar",
      type: "CharField",
      field: "name",
      column: "name",
      ...plain,
      unique: true,
      maxLength: 80,
      verboseName: "shop name",
      helpText: "What the sign says.",
    });
    assert.equal((field(Shop, "slug") as { maxLength: number }).maxLength, 50);
    assert.deepEqual(options(field(Shop, "email")), {
      kind: "scalar",
      type: "EmailField",
      field: "email",
      column: "email",
      ...plain,
      blank: true,
      maxLength: 254,
    });
    assert.deepEqual(options(field(Shop, "website")), {
      kind: "scalar",
      type: "URLField",
      field: "website",
      column: "website",
      ...plain,
      null: true,
      blank: true,
      maxLength: 300,
    });
    assert.deepEqual(options(field(Shop, "description")), {
      kind: "scalar",
      type: "TextField",
      field: "description",
      column: "description",
      ...plain,
      blank: true,
      default: { kind: "value", value: "" },
    });
  });

  test("times, durations, dates and UUIDs, with literal and callable defaults and editable", () => {
    assert.deepEqual(options(field(Shop, "opens_at")), {
      kind: "scalar",
      type: "TimeField",
      field: "opensAt",
      column: "opens_at",
      ...plain,
      default: { kind: "value", value: "09:00:00" },
    });
    assert.deepEqual(options(field(Shop, "delivery_time")), {
      kind: "scalar",
      type: "DurationField",
      field: "deliveryTime",
      column: "delivery_time",
      ...plain,
      null: true,
    });
    assert.deepEqual((field(Shop, "founded") as { default: unknown }).default, { kind: "today" });
    assert.deepEqual(options(field(Shop, "token")), {
      kind: "scalar",
      type: "UUIDField",
      field: "token",
      column: "token",
      ...plain,
      unique: true,
      editable: false,
      default: { kind: "uuid4" },
    });
    assert.deepEqual((field(Item, "listed_at") as { default: unknown }).default, { kind: "now" });
    assert.deepEqual((field(Item, "checked_at") as { default: unknown }).default, { kind: "now" });
  });

  test("numbers and booleans of every size, decimals as text", () => {
    const typed = (name: string) => {
      const each = field(Item, name) as { type: string; default?: { value: unknown }; null: boolean };
      return [each.type, each.default?.value, each.null];
    };
    assert.deepEqual(
      ["stock", "shelf", "weight_grams", "views", "sold", "rating", "price", "discount", "in_stock"].map(typed),
      [
        ["PositiveIntegerField", 0, false],
        ["PositiveSmallIntegerField", undefined, true],
        ["SmallIntegerField", -1, false],
        ["BigIntegerField", 12345678901, false],
        ["PositiveBigIntegerField", 16, false],
        ["FloatField", 4.5, false],
        ["DecimalField", "9.99", false],
        ["DecimalField", null, true],
        ["BooleanField", true, false],
      ],
    );
    assert.deepEqual(
      [field(Item, "price"), field(Item, "discount")].map((each) => [
        (each as { maxDigits: number }).maxDigits,
        (each as { decimalPlaces: number }).decimalPlaces,
      ]),
      [
        [8, 2],
        [4, 2],
      ],
    );
  });

  test("choices: a module constant through a class constant, groups, and an IntegerChoices class", () => {
    assert.deepEqual((field(Item, "size") as { choices: unknown }).choices, [
      { value: "S", label: "Small" },
      { value: "M", label: "Medium" },
      { value: "L", label: "Large" },
    ]);
    assert.deepEqual((field(Item, "colour") as { choices: unknown }).choices, [
      { value: "red", label: "Red" },
      { value: "orange", label: "Orange" },
      { value: "blue", label: "Blue" },
    ]);
    const status = field(Item, "status") as { choices: unknown; default: unknown };
    assert.deepEqual(status.choices, [
      { value: 0, label: "Draft" },
      { value: 1, label: "On sale" },
      { value: 2, label: "Sold out" },
    ]);
    assert.deepEqual(status.default, { kind: "value", value: 1 });
  });

  test("auto fields as primary keys, db_index, and every Meta option", () => {
    assert.deepEqual(Shop.primaryKey, { name: "id", column: "id", type: "BigAutoField" });
    assert.deepEqual(Item.primaryKey, { name: "code", column: "code", type: "SmallAutoField" });
    assert.equal((field(Item, "title") as { dbIndex: boolean }).dbIndex, true);
    assert.equal(Item.table, "shop_item");
    assert.equal(Item.plural, "stockItems");
    assert.deepEqual(Item.meta, {
      ordering: [
        { path: ["shop", "name"], descending: false },
        { path: ["price"], descending: true },
        { path: ["code"], descending: false },
      ],
      uniqueTogether: [["shop", "title"]],
      constraints: [{ name: "one_per_variant", fields: ["shop", "size", "colour"] }],
      verboseName: "article",
      verboseNamePlural: "stock items",
      appLabel: "shop",
    });
  });

  test("methods and properties are ignored; an overridden save() or delete() is a warning", () => {
    assert.deepEqual(shop.warnings, [
      `${fixture("shop.py")}:49:5: Shop.save() is overridden; the playground ignores it and writes rows itself`,
      `${fixture("shop.py")}:94:5: Item.delete() is overridden; the playground ignores it and writes rows itself`,
    ]);
  });
});

describe("every relation kind (relations.py)", () => {
  const relations = readModelsFile(fixture("relations.py"));

  test("a OneToOneField as the primary key, and keys to it", () => {
    const restaurant = model(relations, "Restaurant");
    assert.deepEqual(restaurant.primaryKey, { name: "place", column: "place_id", type: "OneToOneField" });
    assert.deepEqual(options(field(restaurant, "place")), {
      kind: "toOne",
      type: "OneToOneField",
      field: "place",
      column: "place_id",
      target: "Place",
      toField: "id",
      onDelete: "CASCADE",
      reverseField: "restaurant",
      primaryKey: true,
      null: false,
      blank: false,
      unique: true,
      editable: true,
      dbIndex: true,
    });
    const restaurantKey = field(model(relations, "Waiter"), "restaurant") as { toField: string; reverseField: string };
    assert.deepEqual([restaurantKey.toField, restaurantKey.reverseField], ["place", "waiterSet"]);
  });

  test('a self-referential foreign key, "app.Model" with to_field, and names imported from django.db.models', () => {
    const waiter = model(relations, "Waiter");
    const pick = (name: string) => {
      const each = field(waiter, name) as {
        target: string;
        onDelete: string;
        reverseField: string;
        toField: string;
        null: boolean;
      };
      return [each.target, each.onDelete, each.reverseField, each.toField, each.null];
    };
    assert.deepEqual(["restaurant", "mentor", "workplace"].map(pick), [
      ["Restaurant", "CASCADE", "waiterSet", "place", false],
      ["Waiter", "SET_NULL", "mentees", "id", true],
      ["Place", "PROTECT", "waiterSet", "name", false],
    ]);
  });

  test("every on_delete, with the default SET_DEFAULT needs", () => {
    const onDeletes = relations.models.flatMap((each) =>
      each.fields.flatMap((one) => (one.kind === "toOne" ? [`${each.name}.${one.name}:${one.onDelete}`] : [])),
    );
    for (const rule of ["CASCADE", "PROTECT", "RESTRICT", "SET_NULL", "SET_DEFAULT", "DO_NOTHING"]) {
      assert.ok(
        onDeletes.some((entry) => entry.endsWith(`:${rule}`)),
        `${rule} in ${onDeletes.join(" ")}`,
      );
    }
    assert.deepEqual((field(model(relations, "Boat"), "harbour") as { default: unknown }).default, {
      kind: "value",
      value: 1,
    });
  });

  test("related_name from an abstract base, with %(class)s, for each child", () => {
    const owner = (name: string) =>
      field(model(relations, name), "owner") as { relatedName: string; reverseField: string };
    assert.deepEqual(
      ["Car", "Boat"].map((name) => [owner(name).relatedName, owner(name).reverseField]),
      [
        ["owned_cars", "ownedCars"],
        ["owned_boats", "ownedBoats"],
      ],
    );
  });

  test('"self" many-to-many: symmetrical by default, one-way with symmetrical=False', () => {
    const person = model(relations, "Person");
    assert.deepEqual(options(field(person, "friends")), {
      kind: "manyToMany",
      type: "ManyToManyField",
      field: "friends",
      target: "Person",
      symmetrical: true,
      join: { table: "person_friends", sourceColumn: "from_person_id", targetColumn: "to_person_id" },
      null: false,
      blank: false,
      unique: false,
      editable: true,
      dbIndex: false,
    });
    const follows = field(person, "follows") as { symmetrical: boolean; reverseField: string };
    assert.deepEqual([follows.symmetrical, follows.reverseField], [false, "followers"]);
  });

  test("through= models, with through_fields, also on a self link; db_table on a join table", () => {
    const members = field(model(relations, "Group"), "members") as { join: unknown; reverseField: string };
    assert.deepEqual(members.join, {
      table: "membership",
      sourceColumn: "group_id",
      targetColumn: "person_id",
      through: { model: "Membership", sourceField: "group", targetField: "person" },
    });
    assert.equal(members.reverseField, "memberships");
    assert.deepEqual((field(model(relations, "Employee"), "reports") as { join: unknown }).join, {
      table: "reporting",
      sourceColumn: "manager_id",
      targetColumn: "report_id",
      through: { model: "Reporting", sourceField: "manager", targetField: "report" },
    });
    assert.deepEqual((field(model(relations, "Group"), "guests") as { join: unknown }).join, {
      table: "group_guest_list",
      sourceColumn: "group_id",
      targetColumn: "person_id",
    });
    assert.deepEqual(model(relations, "Membership").meta.uniqueTogether, [["person", "group"]]);
  });
});

describe("abstract bases and choices classes", () => {
  const source = `from django.db import models
from django.db.models import TextChoices


def tidy(cls):
    return cls


class Entry(models.Model):
    class Kind(TextChoices):
        NOTE = "n"
        LONG_READ = "l", "Long read"

    kind = models.CharField(max_length=1, choices=Kind.choices, default=Kind.LONG_READ)
    title = models.CharField(max_length=50)
    draft = models.BooleanField(default=True)

    class Meta:
        abstract = True
        ordering = ["title"]
        unique_together = [("kind", "title")]


@tidy
class Post(Entry):
    draft = None
    body = models.TextField()

    class Meta(Entry.Meta):
        db_table = "blog_post"


class Page(Entry):
    slug = models.SlugField(unique=True)

    class Meta:
        ordering = ["-slug"]
`;
  const read = readModelsSource(source, "blog/models.py");

  test("a child without its own Meta, one extending the base's, and one replacing it", () => {
    const [post, page] = read.models;
    assert.deepEqual(
      read.models.map((each) => [each.name, each.table, each.fields.map((one) => one.name)]),
      [
        ["Post", "blog_post", ["kind", "title", "body"]],
        ["Page", "page", ["kind", "title", "draft", "slug"]],
      ],
    );
    assert.deepEqual(
      [post!.meta.ordering, post!.meta.uniqueTogether],
      [[{ path: ["title"], descending: false }], [["kind", "title"]]],
    );
    assert.deepEqual([page!.meta.ordering, page!.meta.uniqueTogether], [[{ path: ["slug"], descending: true }], []]);
  });

  test("a TextChoices class inside the base: members' labels given or made from their names", () => {
    const kind = field(read.models[1]!, "kind") as { choices: unknown; default: unknown };
    assert.deepEqual(kind.choices, [
      { value: "n", label: "Note" },
      { value: "l", label: "Long read" },
    ]);
    assert.deepEqual(kind.default, { kind: "value", value: "l" });
  });
});

/** The message a source is refused with. */
function refusal(source: string, file = "models.py"): string {
  try {
    readModelsSource(source, file);
  } catch (error) {
    assert.ok(error instanceof ModelsFileError, String(error));
    return error.message;
  }
  assert.fail("the source was accepted");
}

const header = "from django.db import models\n\n";

describe("refusals name the file, line and column", () => {
  test("an unsupported field type", () => {
    const file = fixture("unsupported-field.py");
    assert.throws(() => readModelsFile(file), {
      name: "ModelsFileError",
      message: new RegExp(
        `^${regexLiteral(file)}:7:15: found models\\.JSONField\\(\\.\\.\\.\\); supported: the field types CharField, TextField,`,
      ),
    });
  });

  test("a syntax error, at the first place Python would stop", () => {
    const file = fixture("syntax-error.py");
    assert.throws(() => readModelsFile(file), {
      message: `${file}:6:45: found invalid Python syntax at \`,)\`; supported: a file that Python itself can import`,
    });
  });

  test("an unknown related model", () => {
    const file = fixture("unknown-model.py");
    assert.throws(() => readModelsFile(file), {
      message: new RegExp(
        `^${regexLiteral(file)}:6:32: found unknown related model "Writer"; supported: the models of this file \\(Book\\)`,
      ),
    });
  });

  for (const [what, body, expected] of [
    [
      "db_column",
      "class A(models.Model):\n    name = models.CharField(max_length=5, db_column='n')\n",
      "4:43: found db_column='n'; supported: the options of CharField:",
    ],
    [
      "an F() expression",
      "class A(models.Model):\n    n = models.IntegerField()\n\n    class Meta:\n        ordering = [models.F('n').asc()]\n",
      "7:21: found an F() expression",
    ],
    [
      "a generic relation",
      "from django.contrib.contenttypes.fields import GenericForeignKey\n\nclass A(models.Model):\n    item = GenericForeignKey('kind', 'key')\n",
      "6:12: found a generic relation, GenericForeignKey",
    ],
    [
      "a primary key that is not an integer",
      "class A(models.Model):\n    code = models.CharField(max_length=5, primary_key=True)\n",
      "4:43: found primary_key=True on a CharField",
    ],
    [
      "a callable default not in the list",
      "import random\n\nclass A(models.Model):\n    n = models.IntegerField(default=random.random)\n",
      "6:37: found default=random.random; supported: literals and the callables datetime.now, django.utils.timezone.now, date.today, uuid.uuid4",
    ],
    [
      "a callable default called once",
      "from django.utils import timezone\n\nclass A(models.Model):\n    at = models.DateTimeField(default=timezone.now())\n",
      "6:39: found default=timezone.now(), a value computed once when the file loads; supported: the callable itself, default=timezone.now",
    ],
    [
      "multi-table inheritance",
      "class A(models.Model):\n    pass\n\nclass B(A):\n    pass\n",
      "6:9: found multi-table inheritance from A",
    ],
    [
      "a proxy model",
      "class A(models.Model):\n    class Meta:\n        proxy = True\n",
      "5:9: found a proxy model (Meta.proxy)",
    ],
    [
      "a foreign key without on_delete",
      "class A(models.Model):\n    a = models.ForeignKey('self')\n",
      "4:9: found a ForeignKey without on_delete",
    ],
    [
      "SET_NULL without null",
      "class A(models.Model):\n    a = models.ForeignKey('self', models.SET_NULL)\n",
      "4:5: found on_delete=SET_NULL on a field without null=True",
    ],
    [
      "a CharField without max_length",
      "class A(models.Model):\n    a = models.CharField()\n",
      "4:9: found a CharField without max_length",
    ],
    [
      "a reverse accessor clash",
      "class A(models.Model):\n    pass\n\nclass B(models.Model):\n    x = models.ForeignKey(A, models.CASCADE)\n    y = models.ForeignKey(A, models.CASCADE)\n",
      "8:5: found the reverse of B.y, which gives A a second field bSet (the reverse of B.x)",
    ],
    [
      "related_name='+'",
      "class A(models.Model):\n    a = models.ForeignKey('self', models.CASCADE, related_name='+')\n",
      "4:51: found related_name='+'",
    ],
    [
      "ordering by an unknown field",
      "class A(models.Model):\n    class Meta:\n        ordering = ['-name']\n",
      '5:20: found ordering by "-name" of A',
    ],
    [
      "unique_together naming a many-to-many",
      "class A(models.Model):\n    b = models.ManyToManyField('self')\n\n    class Meta:\n        unique_together = [('id', 'b')]\n",
      '7:27: found unique_together naming "b", not a field of A',
    ],
    [
      "an ambiguous through model",
      "class A(models.Model):\n    b = models.ManyToManyField('self', through='L')\n\nclass L(models.Model):\n    x = models.ForeignKey(A, models.CASCADE, related_name='l1')\n    y = models.ForeignKey(A, models.CASCADE, related_name='l2')\n    z = models.ForeignKey(A, models.CASCADE, related_name='l3')\n",
      "4:48: found through='L' without one foreign key to A and one to A",
    ],
    [
      "an unknown Meta option",
      "class A(models.Model):\n    class Meta:\n        managed = False\n",
      "5:9: found Meta.managed; supported: the Meta options ordering, unique_together,",
    ],
    ["code at the top of the file", "if True:\n    pass\n", "3:1: found an if statement"],
    [
      "a base class from elsewhere",
      "from polymorphic.models import PolymorphicModel\n\nclass A(PolymorphicModel):\n    pass\n",
      "5:9: found class A with base PolymorphicModel",
    ],
  ] as const) {
    test(what, () => {
      const message = refusal(header + body);
      assert.ok(message.startsWith(`models.py:${expected}`), message);
    });
  }
});

describe("the built-in models' models.py", () => {
  let playground: TestPlayground;
  before(async () => {
    playground = await TestPlayground.start();
  });
  after(() => playground.close());

  test("is served as exactly the tables, columns, relations, reverse names and on_delete it declares", () => {
    const parsed = readModelsFile(builtinModelsFile);
    assert.deepEqual(parsed.warnings, []);
    assert.deepEqual(byName(parsed.models.map(describeDefinition)), byName(describeCatalog(playground.server.catalog)));
  });
});

interface Described {
  name: string;
  table: string;
  plural: string;
  columns: Array<{ column: string; maxLength?: number; nullable: boolean; unique: boolean }>;
  relations: Array<{ field: string; type: string; target: string; reverse: string; key: string; onDelete?: string }>;
}

function describeDefinition(definition: ModelDefinition): Described {
  const columns: Described["columns"] = [{ column: definition.primaryKey.column, nullable: false, unique: true }];
  const relations: Described["relations"] = [];
  for (const each of definition.fields) {
    if (each.kind === "scalar") {
      columns.push({ column: each.column, maxLength: each.maxLength, nullable: each.null, unique: each.unique });
    } else if (each.kind === "toOne") {
      columns.push({ column: each.column, nullable: each.null, unique: each.unique });
      relations.push({
        field: each.field,
        type: each.type,
        target: each.target,
        reverse: each.reverseField,
        key: each.column,
        onDelete: each.onDelete,
      });
    } else {
      const { table, sourceColumn, targetColumn } = each.join;
      relations.push({
        field: each.field,
        type: each.type,
        target: each.target,
        reverse: each.reverseField!,
        key: `${table}(${sourceColumn}, ${targetColumn})`,
      });
    }
  }
  return {
    name: definition.name,
    table: definition.table,
    plural: definition.plural,
    columns: sortedColumns(columns),
    relations,
  };
}

function describeCatalog(catalog: Catalog): Described[] {
  return catalog.models.map((info) => ({
    name: info.name,
    table: info.table,
    plural: info.names.list,
    columns: sortedColumns(
      info.columns.map((column) => ({
        column: column.column,
        maxLength: column.maxLength,
        nullable: column.nullable,
        unique: column.unique,
      })),
    ),
    relations: info.relations.flatMap((relation): Described["relations"] => {
      if (relation.kind === "toOne") {
        const type = relation.inverse.kind === "reverseOne" ? "OneToOneField" : "ForeignKey";
        return [
          {
            field: relation.field,
            type,
            target: relation.target.name,
            reverse: relation.inverse.field,
            key: relation.keyColumn!.column,
            onDelete: relation.onDelete,
          },
        ];
      }
      if (relation.kind === "manyToMany" && relation.join!.isForward) {
        const { table, sourceColumn, targetColumn } = relation.join!;
        return [
          {
            field: relation.field,
            type: "ManyToManyField",
            target: relation.target.name,
            reverse: relation.inverse.field,
            key: `${table}(${sourceColumn}, ${targetColumn})`,
          },
        ];
      }
      return [];
    }),
  }));
}

/** TypeORM lists models and key columns in an order of its own; the comparison is of the sets. */
function sortedColumns(columns: Described["columns"]): Described["columns"] {
  return columns
    .map(({ maxLength, ...column }) => (maxLength === undefined ? column : { ...column, maxLength }))
    .sort((a, b) => a.column.localeCompare(b.column));
}

function byName(models: Described[]): Described[] {
  return [...models].sort((a, b) => a.name.localeCompare(b.name));
}

/** `text` matched literally inside a RegExp. */
function regexLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
