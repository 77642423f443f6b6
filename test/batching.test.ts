/**
 * The contract's batching rule, counted in SQL statements: a relation or count field costs one
 * statement per level of the query whatever the number of parents, and reads run no
 * transaction. With `x-playground-batching: off` the same query is the N+1 problem, and gives
 * the same data.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import {
  CarsWithCertificateDocument,
  CarsWithManufacturerDocument,
  CourseStudentsAddDocument,
  CoursesWithClassmatesDocument,
  CoursesWithStudentConnectionDocument,
  CoursesWithStudentsDocument,
  CreateCarDocument,
  CreateCertificateForDocument,
  CreateCourseNamedDocument,
  CreateManufacturerDocument,
  CreateStudentNamedDocument,
  ManufacturersWithCarConnectionDocument,
  ManufacturersWithCarCountDocument,
  ManufacturersWithCarSetDocument,
  ManufacturersWithCarsDocument,
  ManufacturersWithFirstCarDocument,
  RenameBetweenReadsDocument,
  StudentsWithCourseCountDocument,
  StudentsWithCoursesDocument,
} from "./generated/operations.js";
import { TestPlayground, type RequestOptions } from "./support/playground.js";

let playground: TestPlayground;

/** 30 more of every parent below: manufacturers with two cars, one registered; linked courses and students. */
before(async () => {
  playground = await TestPlayground.start();
  for (let i = 0; i < 30; i++) {
    const { createManufacturer } = await playground.data(CreateManufacturerDocument, { input: { name: `Maker ${i}` } });
    for (const modelName of ["A", "B"]) {
      const { createCar } = await playground.data(CreateCarDocument, {
        input: { modelName, manufacturerId: createManufacturer.id },
      });
      if (modelName === "A") {
        await playground.data(CreateCertificateForDocument, {
          input: { number: `REG-M${i}`, issuedOn: "2024-03-01", carId: createCar.id },
        });
      }
    }
    const { createStudent } = await playground.data(CreateStudentNamedDocument, { name: `Student ${i}` });
    const { createCourse } = await playground.data(CreateCourseNamedDocument, { name: `Course ${i}` });
    await playground.data(CourseStudentsAddDocument, { owner: createCourse.id, ids: [createStudent.id, "1"] });
  }
});
after(() => playground.close());

test("a 4-level one-to-many query runs the same statements for 3 and for 30 parents", async () => {
  const three = await playground.request(ManufacturersWithCarsDocument, { limit: 3 }, { trace: true });
  const thirty = await playground.request(ManufacturersWithCarsDocument, { limit: 30 }, { trace: true });
  assert.equal(three.data?.manufacturers.length, 3);
  assert.equal(thirty.data?.manufacturers.length, 30);
  // Manufacturers, their cars, the cars' certificates; `car.manufacturer` is a row already read.
  assert.equal(three.sql?.count, 3, three.sql?.statements.join("\n"));
  assert.equal(thirty.sql?.count, 3, thirty.sql?.statements.join("\n"));
});

test("rows read before a write are read again after it", async () => {
  const { createManufacturer } = await playground.data(CreateManufacturerDocument, { input: { name: "Before" } });
  const { createCar } = await playground.data(CreateCarDocument, {
    input: { modelName: "R", manufacturerId: createManufacturer.id },
  });
  const data = await playground.data(RenameBetweenReadsDocument, {
    car: createCar.id,
    manufacturer: createManufacturer.id,
    name: "After",
  });
  assert.deepEqual([data.before.manufacturer?.name, data.after.manufacturer?.name], ["Before", "After"]);
});

test("without batching the same query runs one statement per parent", async () => {
  const three = await playground.request(ManufacturersWithCarsDocument, { limit: 3 }, { trace: true, batching: false });
  const thirty = await playground.request(
    ManufacturersWithCarsDocument,
    { limit: 30 },
    { trace: true, batching: false },
  );
  assert.deepEqual(three.data, (await playground.request(ManufacturersWithCarsDocument, { limit: 3 })).data);
  assert.ok(thirty.sql!.count > three.sql!.count * 5, `${thirty.sql!.count} vs ${three.sql!.count}`);
});

type ParentsDocument = TypedDocumentNode<{ parents: unknown[] }, { limit: number }>;

interface RelationKindCase {
  kind: string;
  document: ParentsDocument;
  /** Relation and count fields in the document, each at its own level. */
  relationFields: number;
}

const relationKinds: RelationKindCase[] = [
  { kind: "toOne forward (car.manufacturer)", document: CarsWithManufacturerDocument, relationFields: 1 },
  {
    kind: "reverse one-to-one (car.registrationCertificate)",
    document: CarsWithCertificateDocument,
    relationFields: 1,
  },
  {
    kind: "reverse foreign key list (manufacturer.carSet)",
    document: ManufacturersWithCarSetDocument,
    relationFields: 1,
  },
  {
    kind: "reverse foreign key list paged per parent (carSet(limit: 1))",
    document: ManufacturersWithFirstCarDocument,
    relationFields: 1,
  },
  { kind: "many-to-many forward (course.students)", document: CoursesWithStudentsDocument, relationFields: 1 },
  { kind: "many-to-many reverse (student.courseSet)", document: StudentsWithCoursesDocument, relationFields: 1 },
  {
    kind: "many-to-many on two levels (course.students.courseSet)",
    document: CoursesWithClassmatesDocument,
    relationFields: 2,
  },
  {
    kind: "count of a reverse foreign key (carSetCount)",
    document: ManufacturersWithCarCountDocument,
    relationFields: 1,
  },
  { kind: "count of a many-to-many (courseSetCount)", document: StudentsWithCourseCountDocument, relationFields: 1 },
  {
    kind: "connection of a reverse foreign key with its totalCount (carSetConnection)",
    document: ManufacturersWithCarConnectionDocument,
    relationFields: 2,
  },
  {
    kind: "many-to-many connection read backward (studentsConnection(last: 1))",
    document: CoursesWithStudentConnectionDocument,
    relationFields: 1,
  },
];

async function traced(document: ParentsDocument, parents: number, options: RequestOptions = {}) {
  const response = await playground.request(document, { limit: parents }, { ...options, trace: true });
  assert.equal(response.errors, undefined);
  assert.equal(response.data!.parents.length, parents);
  return { data: response.data!, sql: response.sql! };
}

for (const { kind, document, relationFields } of relationKinds) {
  describe(kind, () => {
    test("3 and 30 parents run the same statements, one per relation level, and no transaction", async () => {
      const three = await traced(document, 3);
      const thirty = await traced(document, 30);
      assert.equal(thirty.sql.count, three.sql.count, thirty.sql.statements.join("\n"));
      assert.ok(thirty.sql.count <= 1 + relationFields, thirty.sql.statements.join("\n"));
      assert.ok(!thirty.sql.statements.some((sql) => /^(BEGIN|COMMIT)/.test(sql)), "reads run no transaction");
    });

    test("without batching the statements grow with the parents, and the data is the same", async () => {
      const three = await traced(document, 3, { batching: false });
      const thirty = await traced(document, 30, { batching: false });
      assert.ok(
        thirty.sql.count - three.sql.count >= 27 * relationFields,
        `${thirty.sql.count} statements for 30 parents, ${three.sql.count} for 3`,
      );
      assert.deepEqual(thirty.data, (await traced(document, 30)).data);
    });
  });
}
