/**
 * Every relation of the playground, read in both directions on the seed data. The expected
 * results are written out from seeds/*.json as Django would return them (`person.passport`,
 * `manufacturer.car_set.all()` ordered by id, `.count()`), not copied from a server response.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import {
  ArticlesAndTagsDocument,
  BooksAndAuthorsDocument,
  CarsAndManufacturersDocument,
  CertificatesAndCarsDocument,
  ChildrenAndParentsDocument,
  CommentsAndArticlesDocument,
  CourseStudentPagesDocument,
  CoursesAndStudentsDocument,
  EmployeesAndCompaniesDocument,
  ManufacturerByIdDocument,
  ManufacturerCarCountsDocument,
  ManufacturerCarPagesDocument,
  ManufacturerCarsTwoWaysDocument,
  OrdersAndCustomersDocument,
  PassportsAndPeopleDocument,
  ProductsAndCategoriesDocument,
  ProductsAndSuppliersDocument,
  ProfilesAndUsersDocument,
  SeedRowCountsDocument,
  StudentsAndSchoolsDocument,
  ToyotaCarCountDocument,
  UsersAndGroupsDocument,
} from "./generated/operations.js";
import { TestPlayground } from "./support/playground.js";

let playground: TestPlayground;

before(async () => {
  playground = await TestPlayground.start();
});
after(() => playground.close());

interface Reading {
  name: string;
  check: () => Promise<void>;
}

/** A read whose result must equal `expected`; typed, so the expectation matches the document. */
function reading<TData, TVariables>(
  name: string,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  expected: TData,
): Reading {
  return { name, check: async () => assert.deepEqual(await playground.data(document, variables), expected) };
}

function runReadings(label: string, readings: Reading[]): void {
  describe(label, () => {
    for (const { name, check } of readings) test(name, check);
  });
}

const noVariables = {};

runReadings("one-to-one", [
  reading("passport.person and person.passport (Jane has none)", PassportsAndPeopleDocument, noVariables, {
    passports: [{ passportNumber: "ABC123", person: { name: "John" } }],
    people: [
      { name: "John", passport: { passportNumber: "ABC123" } },
      { name: "Jane", passport: null },
    ],
  }),
  reading("profile.user and user.profile (bob has none)", ProfilesAndUsersDocument, noVariables, {
    profiles: [{ address: "1 Main Street", dateOfBirth: "1990-05-17", user: { username: "alice" } }],
    users: [
      { username: "alice", profile: { address: "1 Main Street" } },
      { username: "bob", profile: null },
    ],
  }),
  reading(
    "registrationCertificate.car and car.registrationCertificate (only the Camry has one)",
    CertificatesAndCarsDocument,
    noVariables,
    {
      registrationCertificates: [{ number: "REG-0001", issuedOn: "2024-01-15", car: { modelName: "Camry" } }],
      cars: [
        { modelName: "Camry", registrationCertificate: { number: "REG-0001" } },
        { modelName: "Corolla", registrationCertificate: null },
        { modelName: "Rav4", registrationCertificate: null },
        { modelName: "Civic", registrationCertificate: null },
      ],
    },
  ),
]);

const toyota = { name: "Toyota" };
const honda = { name: "Honda" };

runReadings("one-to-many", [
  reading("car.manufacturer and manufacturer.carSet", CarsAndManufacturersDocument, noVariables, {
    cars: [
      { modelName: "Camry", manufacturer: toyota },
      { modelName: "Corolla", manufacturer: toyota },
      { modelName: "Rav4", manufacturer: toyota },
      { modelName: "Civic", manufacturer: honda },
    ],
    manufacturers: [
      {
        name: "Toyota",
        carSetCount: 3,
        carSet: [{ modelName: "Camry" }, { modelName: "Corolla" }, { modelName: "Rav4" }],
      },
      { name: "Honda", carSetCount: 1, carSet: [{ modelName: "Civic" }] },
    ],
  }),
  reading("product.category and category.productSet", ProductsAndCategoriesDocument, noVariables, {
    products: [
      { name: "The Django Book", category: { name: "Books" } },
      { name: "USB cable", category: { name: "Electronics" } },
      { name: "E-reader", category: { name: "Electronics" } },
    ],
    categories: [
      { name: "Books", productSetCount: 1, productSet: [{ name: "The Django Book" }] },
      { name: "Electronics", productSetCount: 2, productSet: [{ name: "USB cable" }, { name: "E-reader" }] },
    ],
  }),
  reading("comment.article and article.commentSet", CommentsAndArticlesDocument, noVariables, {
    comments: [
      { text: "Great news!", article: { headline: "Django 5.0 released" } },
      { text: "Very helpful, thanks.", article: { headline: "Understanding relations" } },
      { text: "Could you cover many-to-many next?", article: { headline: "Understanding relations" } },
    ],
    articles: [
      { headline: "Django 5.0 released", commentSetCount: 1, commentSet: [{ text: "Great news!" }] },
      {
        headline: "Understanding relations",
        commentSetCount: 2,
        commentSet: [{ text: "Very helpful, thanks." }, { text: "Could you cover many-to-many next?" }],
      },
    ],
  }),
  reading(
    "a manufacturer fetched by id brings its cars",
    ManufacturerByIdDocument,
    { id: "2" },
    {
      manufacturer: { name: "Honda", carSetCount: 1, carSet: [{ modelName: "Civic" }] },
    },
  ),
]);

runReadings("many-to-many", [
  reading("course.students and student.courseSet (Carol takes none)", CoursesAndStudentsDocument, noVariables, {
    courses: [
      { name: "Math", studentsCount: 2, students: [{ name: "Alice" }, { name: "Bob" }] },
      { name: "Physics", studentsCount: 1, students: [{ name: "Alice" }] },
    ],
    students: [
      { name: "Alice", courseSetCount: 2, courseSet: [{ name: "Math" }, { name: "Physics" }] },
      { name: "Bob", courseSetCount: 1, courseSet: [{ name: "Math" }] },
      { name: "Carol", courseSetCount: 0, courseSet: [] },
    ],
  }),
  reading("article.tags and tag.articleSet", ArticlesAndTagsDocument, noVariables, {
    articles: [
      { headline: "Django 5.0 released", tagsCount: 2, tags: [{ name: "django" }, { name: "python" }] },
      { headline: "Understanding relations", tagsCount: 1, tags: [{ name: "django" }] },
    ],
    tags: [
      {
        name: "django",
        articleSetCount: 2,
        articleSet: [{ headline: "Django 5.0 released" }, { headline: "Understanding relations" }],
      },
      { name: "python", articleSetCount: 1, articleSet: [{ headline: "Django 5.0 released" }] },
    ],
  }),
  reading("user.groups and group.userSet", UsersAndGroupsDocument, noVariables, {
    users: [
      { username: "alice", groupsCount: 2, groups: [{ name: "editors" }, { name: "admins" }] },
      { username: "bob", groupsCount: 1, groups: [{ name: "editors" }] },
    ],
    groups: [
      { name: "editors", userSetCount: 2, userSet: [{ username: "alice" }, { username: "bob" }] },
      { name: "admins", userSetCount: 1, userSet: [{ username: "alice" }] },
    ],
  }),
]);

runReadings("many-to-one", [
  reading("book.author and author.bookSet", BooksAndAuthorsDocument, noVariables, {
    books: [
      { title: "Harry Potter", author: { name: "J.K. Rowling" } },
      { title: "The Hobbit", author: { name: "J.R.R. Tolkien" } },
    ],
    authors: [
      { name: "J.K. Rowling", bookSetCount: 1, bookSet: [{ title: "Harry Potter" }] },
      { name: "J.R.R. Tolkien", bookSetCount: 1, bookSet: [{ title: "The Hobbit" }] },
    ],
  }),
  reading("order.customer and customer.orderSet (Globex has no orders)", OrdersAndCustomersDocument, noVariables, {
    orders: [
      { reference: "ORD-0001", customer: { name: "Acme Corp" } },
      { reference: "ORD-0002", customer: { name: "Acme Corp" } },
    ],
    customers: [
      { name: "Acme Corp", orderSetCount: 2, orderSet: [{ reference: "ORD-0001" }, { reference: "ORD-0002" }] },
      { name: "Globex", orderSetCount: 0, orderSet: [] },
    ],
  }),
  reading("product.supplier (nullable) and supplier.productSet", ProductsAndSuppliersDocument, noVariables, {
    products: [
      { name: "The Django Book", supplier: { name: "Book Supply Co" } },
      { name: "USB cable", supplier: { name: "Cable World" } },
      { name: "E-reader", supplier: null },
    ],
    suppliers: [
      { name: "Book Supply Co", productSetCount: 1, productSet: [{ name: "The Django Book" }] },
      { name: "Cable World", productSetCount: 1, productSet: [{ name: "USB cable" }] },
    ],
  }),
]);

runReadings("reverse relations named by related_name", [
  reading("child.parent and parent.children", ChildrenAndParentsDocument, noVariables, {
    children: [
      { name: "Bob", parent: { name: "Alice" } },
      { name: "Charlie", parent: { name: "Alice" } },
    ],
    parents: [{ name: "Alice", childrenCount: 2, children: [{ name: "Bob" }, { name: "Charlie" }] }],
  }),
  reading("employee.company and company.employees", EmployeesAndCompaniesDocument, noVariables, {
    employees: [
      { name: "Dana", company: { name: "Acme Corp" } },
      { name: "Eve", company: { name: "Acme Corp" } },
    ],
    companies: [{ name: "Acme Corp", employeesCount: 2, employees: [{ name: "Dana" }, { name: "Eve" }] }],
  }),
  reading("student.school (nullable) and school.students", StudentsAndSchoolsDocument, noVariables, {
    students: [
      { name: "Alice", school: { name: "Springfield High" } },
      { name: "Bob", school: { name: "Springfield High" } },
      { name: "Carol", school: null },
    ],
    schools: [{ name: "Springfield High", studentsCount: 2, students: [{ name: "Alice" }, { name: "Bob" }] }],
  }),
]);

runReadings("root counts", [
  reading("every model's count is its number of seed rows", SeedRowCountsDocument, noVariables, {
    peopleCount: 2,
    passportsCount: 1,
    usersCount: 2,
    profilesCount: 1,
    registrationCertificatesCount: 1,
    manufacturersCount: 2,
    carsCount: 4,
    categoriesCount: 2,
    productsCount: 3,
    articlesCount: 2,
    commentsCount: 3,
    studentsCount: 3,
    coursesCount: 2,
    tagsCount: 2,
    groupsCount: 2,
    authorsCount: 2,
    booksCount: 2,
    customersCount: 2,
    ordersCount: 2,
    suppliersCount: 2,
    parentsCount: 1,
    childrenCount: 2,
    companiesCount: 1,
    employeesCount: 2,
    schoolsCount: 1,
  }),
  reading("a root count takes a where across a relation", ToyotaCarCountDocument, noVariables, { carsCount: 3 }),
  reading(
    "a nested count takes a where, per parent",
    ManufacturerCarCountsDocument,
    { where: { modelName: { startsWith: "C" } } },
    {
      manufacturers: [
        { name: "Toyota", carSetCount: 2 },
        { name: "Honda", carSetCount: 1 },
      ],
    },
  ),
]);

const cars = (...modelNames: string[]) => modelNames.map((modelName) => ({ modelName }));
const students = (...names: string[]) => names.map((name) => ({ name }));

runReadings("nested lists page per parent", [
  reading(
    "carSet(limit: 2) is each manufacturer's first two cars",
    ManufacturerCarPagesDocument,
    { limit: 2 },
    {
      manufacturers: [
        { name: "Toyota", carSet: cars("Camry", "Corolla") },
        { name: "Honda", carSet: cars("Civic") },
      ],
    },
  ),
  reading(
    "carSet(limit: 1, offset: 1) skips one car of each manufacturer",
    ManufacturerCarPagesDocument,
    { limit: 1, offset: 1 },
    {
      manufacturers: [
        { name: "Toyota", carSet: cars("Corolla") },
        { name: "Honda", carSet: cars() },
      ],
    },
  ),
  reading(
    "carSet ordered by modelName DESC pages after ordering",
    ManufacturerCarPagesDocument,
    { limit: 2, orderBy: [{ modelName: "DESC" }] },
    {
      manufacturers: [
        { name: "Toyota", carSet: cars("Rav4", "Corolla") },
        { name: "Honda", carSet: cars("Civic") },
      ],
    },
  ),
  reading(
    "students(limit: 1) through the join table is each course's first student",
    CourseStudentPagesDocument,
    { limit: 1, orderBy: [{ name: "DESC" }] },
    {
      courses: [
        { name: "Math", students: students("Bob") },
        { name: "Physics", students: students("Alice") },
      ],
    },
  ),
  reading(
    "limit: 0 gives every parent an empty list",
    CourseStudentPagesDocument,
    { limit: 0 },
    {
      courses: [
        { name: "Math", students: [] },
        { name: "Physics", students: [] },
      ],
    },
  ),
  reading("the same list with and without a limit in one query", ManufacturerCarsTwoWaysDocument, noVariables, {
    manufacturers: [
      { name: "Toyota", firstCar: cars("Camry"), carSet: cars("Camry", "Corolla", "Rav4") },
      { name: "Honda", firstCar: cars("Civic"), carSet: cars("Civic") },
    ],
  }),
]);
