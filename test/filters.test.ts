/**
 * Filtering, ordering and pagination. Each filter's result is compared with the same rule
 * evaluated in JavaScript over the unfiltered rows, so the SQL compiler is checked against an
 * independent reading of the contract rather than against itself.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  AllCarsDocument,
  AllManufacturersDocument,
  AllProfilesDocument,
  AllStudentsDocument,
  AuthorsFirstBooksDocument,
  CoursesFirstStudentsDocument,
  CreateAuthorDocument,
  CreateBookDocument,
  CreateCarDocument,
  CreateManufacturerDocument,
  CreateProfileForFiltersDocument,
  CreateUserForFiltersDocument,
  FilterCarsDocument,
  FilterManufacturersDocument,
  FilterProfilesDocument,
  FilterStudentsDocument,
  type AllCarsQuery,
  type AllManufacturersQuery,
  type AllProfilesQuery,
  type AllStudentsQuery,
  type CarWhere,
  type ManufacturerWhere,
  type ProfileWhere,
  type StudentWhere,
} from "./generated/operations.js";
import { TestPlayground } from "./support/playground.js";

let playground: TestPlayground;
const hostile = ["'; DROP TABLE car; --", "100% Electric", "Under_score", 'Quote " and \\ backslash', "Ünïcødé 🚗"];
const authorCount = 30;

before(async () => {
  playground = await TestPlayground.start();
  const maker = await playground.data(CreateManufacturerDocument, { input: { name: "Odd Names Ltd" } });
  await playground.data(CreateManufacturerDocument, { input: { name: "Zeta Motors (no cars)" } });
  for (const modelName of [...hostile, "Camper", "civic lower"]) {
    await playground.data(CreateCarDocument, { input: { modelName, manufacturerId: maker.createManufacturer.id } });
  }
  for (const [i, dateOfBirth] of ["1985-01-01", null, "2000-12-31"].entries()) {
    const user = await playground.data(CreateUserForFiltersDocument, { input: { username: `filter-user-${i}` } });
    await playground.data(CreateProfileForFiltersDocument, {
      input: { address: `${i} Filter Road`, dateOfBirth, userId: user.createUser.id },
    });
  }
  for (let i = 0; i < authorCount; i++) {
    const author = await playground.data(CreateAuthorDocument, { input: { name: `Author ${i}` } });
    for (const suffix of ["c", "a", "b"]) {
      await playground.data(CreateBookDocument, {
        input: { title: `Book ${i}-${suffix}`, authorId: author.createAuthor.id },
      });
    }
  }
});
after(() => playground.close());

const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id).sort((a, b) => Number(a) - Number(b));

type FilterCase<Row, Where> = [name: string, where: Where, expected: (row: Row) => boolean];

/** Runs each case through the server and through `expected`, and compares the ids. */
function checkFilters<Row extends { id: string }, Where>(
  label: string,
  universe: () => Promise<Row[]>,
  filter: (where: Where) => Promise<Array<{ id: string }>>,
  cases: Array<FilterCase<Row, Where>>,
) {
  describe(label, () => {
    for (const [name, where, expected] of cases) {
      test(name, async () => {
        const rows = await universe();
        const matched = ids(rows.filter(expected));
        assert.deepEqual(ids(await filter(where)), matched);
      });
    }
  });
}

type Car = AllCarsQuery["cars"][number];
const allCars = async () => (await playground.data(AllCarsDocument)).cars;
const filterCars = async (where: CarWhere) => {
  const { cars, carsCount } = await playground.data(FilterCarsDocument, { where, limit: 1000 });
  assert.equal(carsCount, cars.length, "the count agrees with the unpaginated list");
  return cars;
};

checkFilters<Car, CarWhere>("string, id and to-one filters on cars", allCars, filterCars, [
  ["eq", { modelName: { eq: "Camry" } }, (car) => car.modelName === "Camry"],
  ["ne", { modelName: { ne: "Camry" } }, (car) => car.modelName !== "Camry"],
  ["in", { modelName: { in: ["Camry", "Civic", "nope"] } }, (car) => ["Camry", "Civic"].includes(car.modelName)],
  ["notIn", { modelName: { notIn: ["Camry", "Civic"] } }, (car) => !["Camry", "Civic"].includes(car.modelName)],
  ["lt", { modelName: { lt: "D" } }, (car) => car.modelName < "D"],
  ["lte", { modelName: { lte: "Corolla" } }, (car) => car.modelName <= "Corolla"],
  ["gt", { modelName: { gt: "Corolla" } }, (car) => car.modelName > "Corolla"],
  ["gte", { modelName: { gte: "Corolla" } }, (car) => car.modelName >= "Corolla"],
  ["contains is case-sensitive", { modelName: { contains: "or" } }, (car) => car.modelName.includes("or")],
  ["contains takes % literally", { modelName: { contains: "%" } }, (car) => car.modelName.includes("%")],
  ["contains takes _ literally", { modelName: { contains: "_" } }, (car) => car.modelName.includes("_")],
  ["startsWith", { modelName: { startsWith: "C" } }, (car) => car.modelName.startsWith("C")],
  ["endsWith", { modelName: { endsWith: "a" } }, (car) => car.modelName.endsWith("a")],
  [
    "endsWith longer than the value",
    { modelName: { endsWith: "xxCamry" } },
    (car) => car.modelName.endsWith("xxCamry"),
  ],
  ["isNull false on a required field", { modelName: { isNull: false } }, () => true],
  ["id eq", { id: { eq: "2" } }, (car) => car.id === "2"],
  ["id ne", { id: { ne: "2" } }, (car) => car.id !== "2"],
  ["id in", { id: { in: ["1", "3"] } }, (car) => ["1", "3"].includes(car.id)],
  ["id notIn", { id: { notIn: ["1", "3"] } }, (car) => !["1", "3"].includes(car.id)],
  ["foreign key id", { manufacturerId: { eq: "1" } }, (car) => car.manufacturer.id === "1"],
  ["foreign key isNull", { manufacturerId: { isNull: true } }, () => false],
  [
    "AND",
    { AND: [{ modelName: { startsWith: "C" } }, { manufacturerId: { eq: "1" } }] },
    (car) => car.modelName.startsWith("C") && car.manufacturer.id === "1",
  ],
  [
    "OR",
    { OR: [{ modelName: { eq: "Civic" } }, { modelName: { endsWith: "a" } }] },
    (car) => car.modelName === "Civic" || car.modelName.endsWith("a"),
  ],
  ["NOT", { NOT: { modelName: { startsWith: "C" } } }, (car) => !car.modelName.startsWith("C")],
  ["to-one relation", { manufacturer: { name: { eq: "Toyota" } } }, (car) => car.manufacturer.name === "Toyota"],
  ["reverse one-to-one exists", { registrationCertificate: {} }, (car) => car.registrationCertificate !== null],
  [
    "reverse one-to-one missing",
    { NOT: { registrationCertificate: {} } },
    (car) => car.registrationCertificate === null,
  ],
  ...hostile.flatMap((value): Array<FilterCase<Car, CarWhere>> => [
    [`eq ${value}`, { modelName: { eq: value } }, (car) => car.modelName === value],
    [
      `contains ${value}`,
      { modelName: { contains: value.slice(2, 8) } },
      (car) => car.modelName.includes(value.slice(2, 8)),
    ],
    [
      `startsWith ${value}`,
      { modelName: { startsWith: value.slice(0, 4) } },
      (car) => car.modelName.startsWith(value.slice(0, 4)),
    ],
    [
      `endsWith ${value}`,
      { modelName: { endsWith: value.slice(-4) } },
      (car) => car.modelName.endsWith(value.slice(-4)),
    ],
  ]),
]);

type Manufacturer = AllManufacturersQuery["manufacturers"][number];
const startsWithC = (car: { modelName: string }) => car.modelName.startsWith("C");

checkFilters<Manufacturer, ManufacturerWhere>(
  "to-many filters on manufacturers",
  async () => (await playground.data(AllManufacturersDocument)).manufacturers,
  async (where) => (await playground.data(FilterManufacturersDocument, { where })).manufacturers,
  [
    ["some", { carSet: { some: { modelName: { startsWith: "C" } } } }, (m) => m.carSet.some(startsWithC)],
    [
      "every holds for a maker with no cars",
      { carSet: { every: { modelName: { startsWith: "C" } } } },
      (m) => m.carSet.every(startsWithC),
    ],
    ["none", { carSet: { none: { modelName: { startsWith: "C" } } } }, (m) => !m.carSet.some(startsWithC)],
    ["none of any", { carSet: { none: {} } }, (m) => m.carSet.length === 0],
    [
      "nested three levels",
      { carSet: { some: { registrationCertificate: { number: { startsWith: "REG" } } } } },
      (m) => m.carSet.some((car) => car.registrationCertificate?.number.startsWith("REG") ?? false),
    ],
    [
      "some and none together",
      { carSet: { some: { modelName: { eq: "Camry" } }, none: { modelName: { eq: "Civic" } } } },
      (m) => m.carSet.some((car) => car.modelName === "Camry") && !m.carSet.some((car) => car.modelName === "Civic"),
    ],
  ],
);

type Student = AllStudentsQuery["students"][number];

checkFilters<Student, StudentWhere>(
  "many-to-many filters on students",
  async () => (await playground.data(AllStudentsDocument)).students,
  async (where) => (await playground.data(FilterStudentsDocument, { where })).students,
  [
    ["no courses", { courseSet: { none: {} } }, (s) => s.courseSet.length === 0],
    [
      "some course",
      { courseSet: { some: { name: { eq: "Physics" } } } },
      (s) => s.courseSet.some((c) => c.name === "Physics"),
    ],
    [
      "every course",
      { courseSet: { every: { name: { eq: "Math" } } } },
      (s) => s.courseSet.every((c) => c.name === "Math"),
    ],
  ],
);

type Profile = AllProfilesQuery["profiles"][number];

checkFilters<Profile, ProfileWhere>(
  "date filters on a nullable column",
  async () => (await playground.data(AllProfilesDocument)).profiles,
  async (where) => (await playground.data(FilterProfilesDocument, { where })).profiles,
  [
    ["isNull", { dateOfBirth: { isNull: true } }, (p) => p.dateOfBirth === null],
    ["not null", { dateOfBirth: { isNull: false } }, (p) => p.dateOfBirth !== null],
    ["eq", { dateOfBirth: { eq: "1985-01-01" } }, (p) => p.dateOfBirth === "1985-01-01"],
    ["ne keeps missing dates", { dateOfBirth: { ne: "1985-01-01" } }, (p) => p.dateOfBirth !== "1985-01-01"],
    ["lt", { dateOfBirth: { lt: "1995-01-01" } }, (p) => p.dateOfBirth !== null && p.dateOfBirth < "1995-01-01"],
    ["gte", { dateOfBirth: { gte: "1990-05-17" } }, (p) => p.dateOfBirth !== null && p.dateOfBirth >= "1990-05-17"],
    ["in", { dateOfBirth: { in: ["2000-12-31"] } }, (p) => p.dateOfBirth === "2000-12-31"],
  ],
);

describe("ordering and pages", () => {
  test("without orderBy rows come by id", async () => {
    const { cars } = await playground.data(FilterCarsDocument, { limit: 1000 });
    assert.deepEqual(
      cars.map((car) => car.id),
      ids(cars),
    );
  });

  test("pages are disjoint and stable, and together are the whole ordered list", async () => {
    const orderBy = [{ modelName: "DESC" as const }, { id: "ASC" as const }];
    const { cars: whole, carsCount } = await playground.data(FilterCarsDocument, { orderBy, limit: 1000 });
    const expected = [...whole].sort((a, b) => (a.modelName < b.modelName ? 1 : a.modelName > b.modelName ? -1 : 0));
    assert.deepEqual(whole, expected);
    const pages: string[] = [];
    for (let offset = 0; offset < carsCount; offset += 3) {
      const { cars } = await playground.data(FilterCarsDocument, { orderBy, limit: 3, offset });
      pages.push(...cars.map((car) => car.id));
    }
    assert.deepEqual(
      pages,
      whole.map((car) => car.id),
    );
    assert.equal(new Set(pages).size, carsCount);
  });

  test("limit and offset outside their range are refused, never cut", async () => {
    for (const variables of [{ limit: -1 }, { limit: 1001 }, { offset: -1 }]) {
      const { code, message } = await playground.errorCode(FilterCarsDocument, variables);
      assert.equal(code, "BAD_USER_INPUT");
      assert.match(message, /limit|offset/);
    }
  });

  test("an orderBy entry must name exactly one field", async () => {
    const { code, message } = await playground.errorCode(FilterCarsDocument, {
      orderBy: [{ modelName: "ASC", id: "DESC" }],
    });
    assert.equal(code, "BAD_USER_INPUT");
    assert.match(message, /exactly one field/);
  });
});

describe("per-parent pagination stays batched", () => {
  test("each author gets its own first two books by title, in one statement for 3 or 30 authors", async () => {
    const counts: number[] = [];
    for (const authorLimit of [3, authorCount]) {
      const response = await playground.request(
        AuthorsFirstBooksDocument,
        { authorLimit, bookLimit: 2 },
        { trace: true },
      );
      const { authors } = response.data!;
      assert.equal(authors.length, authorLimit);
      for (const author of authors) {
        const all = await playground.data(AuthorsFirstBooksDocument, { authorLimit: 100, bookLimit: 100 });
        const own = all.authors.find((candidate) => candidate.id === author.id)!.bookSet.map((book) => book.title);
        assert.deepEqual(
          author.bookSet.map((book) => book.title),
          [...own].sort().slice(0, 2),
        );
        assert.ok(author.bookSet.every((book) => book.author.id === author.id));
      }
      counts.push(response.sql!.count);
    }
    // authors, bookSet, bookSetCount; each book's author is one of the authors already read.
    assert.deepEqual(counts, [3, 3]);
  });

  test("offset and where apply per parent too, and the count follows the where", async () => {
    const { authors } = await playground.data(AuthorsFirstBooksDocument, {
      authorLimit: 100,
      bookLimit: 1,
      bookOffset: 1,
      bookWhere: { title: { endsWith: "a" } },
    });
    for (const author of authors) {
      assert.deepEqual(author.bookSet, []);
      assert.ok(author.bookSetCount <= 1);
    }
    const { authors: second } = await playground.data(AuthorsFirstBooksDocument, {
      authorLimit: 100,
      bookLimit: 1,
      bookOffset: 1,
    });
    for (const author of second.filter((candidate) => candidate.bookSetCount === 3)) {
      assert.match(author.bookSet[0]!.title, /-b$/);
    }
  });

  test("many-to-many lists page per parent through the join table", async () => {
    const response = await playground.request(CoursesFirstStudentsDocument, { studentLimit: 1 }, { trace: true });
    const { courses } = response.data!;
    const full = await playground.data(CoursesFirstStudentsDocument, { studentLimit: 100 });
    for (const course of courses) {
      const names = full.courses
        .find((candidate) => candidate.id === course.id)!
        .students.map((student) => student.name);
      assert.deepEqual(
        course.students.map((student) => student.name),
        names.slice(0, 1),
      );
      assert.equal(course.studentsCount, names.length);
    }
    assert.equal(response.sql!.count, 3);
  });
});

test("hostile strings in filters changed nothing", async () => {
  const { cars } = await playground.data(FilterCarsDocument, { where: { modelName: { in: hostile } }, limit: 1000 });
  assert.deepEqual(cars.map((car) => car.modelName).sort(), [...hostile].sort());
  assert.equal((await playground.rows<{ n: number }>(`SELECT count(*) AS n FROM car`))[0]!.n, (await allCars()).length);
});
