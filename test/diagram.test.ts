import "reflect-metadata";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { withModelCatalog } from "../src/graphql/print.js";
import { mermaidDiagram, modelsDiagram, readmeWithDiagram } from "../src/diagram.js";
import { projectFile } from "../src/paths.js";

const mermaid = await withModelCatalog((catalog) => mermaidDiagram(modelsDiagram(catalog)));

test("the README's diagram is the one the models derive (npm run diagram rewrites it)", () => {
  const readme = readFileSync(projectFile("README.md"), "utf8");
  assert.equal(readme, readmeWithDiagram(readme, mermaid));
});

test("the diagram shows each relation's kind, both field names, on_delete and join table", () => {
  const lines = mermaid.split("\n");
  const expected = [
    '  Manufacturer ||--o{ Car : "car.manufacturer / manufacturer.carSet (ForeignKey, CASCADE)"',
    '  Person ||--o| Passport : "passport.person / person.passport (OneToOneField, CASCADE)"',
    '  Supplier |o--o{ Product : "product.supplier / supplier.productSet (ForeignKey, SET_NULL)"',
    '  Customer ||--o{ Order : "order.customer / customer.orderSet (ForeignKey, PROTECT)"',
    '  Parent ||--o{ Child : "child.parent / parent.children (ForeignKey, CASCADE)"',
    '  Course ||--o{ course_students : "course.students (ManyToManyField)"',
    '  Student ||--o{ course_students : "student.courseSet (reverse of course.students)"',
    '    int manufacturer_id FK "on_delete=CASCADE"',
    '    int supplier_id FK "null=True, on_delete=SET_NULL"',
    '    int person_id FK, UK "on_delete=CASCADE"',
    '    varchar username UK "max_length=150"',
    "    int course_id PK, FK",
  ];
  for (const line of expected) assert.ok(lines.includes(line), `missing: ${line}`);
  const relations = lines.filter((line) => line.includes(" : "));
  // 12 foreign keys and one-to-ones, and two lines for each of the 3 many-to-many join tables.
  assert.equal(relations.length, 12 + 3 * 2);
});
