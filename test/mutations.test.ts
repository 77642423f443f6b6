/**
 * Writes with Django's semantics, each test on a freshly seeded database: `save()` of the given
 * fields only, `delete()` with its cascade counted the way Django returns it, and the related
 * managers' `add`/`remove`/`set`/`clear` on both sides of every many-to-many field. What was
 * written is read back from the tables themselves.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import {
  ArticleTagsAddDocument,
  ArticleTagsClearDocument,
  ArticleTagsRemoveDocument,
  ArticleTagsSetDocument,
  BooksAndAuthorsDocument,
  CascadeDeleteArticleDocument,
  CascadeDeleteAuthorDocument,
  CascadeDeleteCarDocument,
  CascadeDeleteCategoryDocument,
  CascadeDeleteCompanyDocument,
  CascadeDeleteCourseDocument,
  CascadeDeleteCustomerDocument,
  CascadeDeleteGroupDocument,
  CascadeDeleteManufacturerDocument,
  CascadeDeleteOrderDocument,
  CascadeDeleteParentDocument,
  CascadeDeletePersonDocument,
  CascadeDeleteSchoolDocument,
  CascadeDeleteStudentDocument,
  CascadeDeleteSupplierDocument,
  CascadeDeleteTagDocument,
  CascadeDeleteUserDocument,
  CourseStudentsAddDocument,
  CourseStudentsClearDocument,
  CourseStudentsRemoveDocument,
  CourseStudentsSetDocument,
  CoursesAndStudentsDocument,
  CreateAuthorNamedDocument,
  CreateProductFieldsDocument,
  GroupUserSetAddDocument,
  GroupUserSetClearDocument,
  GroupUserSetRemoveDocument,
  GroupUserSetSetDocument,
  OrdersAndCustomersDocument,
  ProductsAndSuppliersDocument,
  StudentCourseSetAddDocument,
  StudentCourseSetClearDocument,
  StudentCourseSetRemoveDocument,
  StudentCourseSetSetDocument,
  TagArticleSetAddDocument,
  TagArticleSetClearDocument,
  TagArticleSetRemoveDocument,
  TagArticleSetSetDocument,
  UpdateBookFieldsDocument,
  UpdateOrderFieldsDocument,
  UpdateProductFieldsDocument,
  UpdateProfileFieldsDocument,
  UserGroupsAddDocument,
  UserGroupsClearDocument,
  UserGroupsRemoveDocument,
  UserGroupsSetDocument,
  type DeletedRowsFragment,
} from "./generated/operations.js";
import { testEngine } from "./support/databases.js";
import { TestPlayground } from "./support/playground.js";

let playground: TestPlayground;

beforeEach(async () => {
  playground = await TestPlayground.start();
});
afterEach(() => playground.close());

/**
 * Rows inserted, updated or deleted while `work` ran. SQLite counts them on its connection
 * (`total_changes()`, which also sees a row deleted and inserted back); PostgreSQL keeps no such
 * count that is up to date at once, so there it is the rows that differ afterwards.
 */
async function rowsChangedBy(work: () => Promise<unknown>): Promise<number> {
  if (testEngine === "postgres") {
    const before = await playground.contents();
    await work();
    const after = await playground.contents();
    return Object.keys(after).reduce((changed, table) => {
      const [was, is] = [new Set(before[table]), new Set(after[table])];
      return changed + [...is].filter((row) => !was.has(row)).length + [...was].filter((row) => !is.has(row)).length;
    }, 0);
  }
  const totalChanges = async () => (await playground.rows<{ n: number }>("SELECT total_changes() AS n"))[0]!.n;
  const before = await totalChanges();
  await work();
  return (await totalChanges()) - before;
}

describe("create and update", () => {
  test("create returns the row with its relations; a nullable key left out is null", async () => {
    const { createProduct } = await playground.data(CreateProductFieldsDocument, {
      input: { name: "Kindle", categoryId: "2" },
    });
    assert.deepEqual(createProduct, { name: "Kindle", category: { name: "Electronics" }, supplier: null });
    assert.deepEqual(await playground.rows("SELECT category_id, supplier_id FROM product WHERE name = 'Kindle'"), [
      { category_id: 2, supplier_id: null },
    ]);
  });

  test("update changes only the fields given", async () => {
    const title = "Harry Potter and the Philosopher's Stone";
    const { updateBook } = await playground.data(UpdateBookFieldsDocument, { id: "1", input: { title } });
    assert.deepEqual(updateBook, { title, author: { name: "J.K. Rowling" } });
    assert.deepEqual(await playground.rows("SELECT id, title, author_id FROM book ORDER BY id"), [
      { id: 1, title, author_id: 1 },
      { id: 2, title: "The Hobbit", author_id: 2 },
    ]);
  });

  test("a foreign key changes through <field>Id, like book.author = other; book.save()", async () => {
    const { updateBook } = await playground.data(UpdateBookFieldsDocument, { id: "1", input: { authorId: "2" } });
    assert.deepEqual(updateBook, { title: "Harry Potter", author: { name: "J.R.R. Tolkien" } });
    const { authors } = await playground.data(BooksAndAuthorsDocument);
    assert.deepEqual(authors, [
      { name: "J.K. Rowling", bookSetCount: 0, bookSet: [] },
      { name: "J.R.R. Tolkien", bookSetCount: 2, bookSet: [{ title: "Harry Potter" }, { title: "The Hobbit" }] },
    ]);
  });

  test("a nullable foreign key is cleared with null, and leaves the reverse side", async () => {
    const { updateProduct } = await playground.data(UpdateProductFieldsDocument, {
      id: "1",
      input: { supplierId: null },
    });
    assert.deepEqual(updateProduct, { name: "The Django Book", category: { name: "Books" }, supplier: null });
    const { suppliers } = await playground.data(ProductsAndSuppliersDocument);
    assert.deepEqual(suppliers[0], { name: "Book Supply Co", productSetCount: 0, productSet: [] });
  });

  test("a nullable date is cleared with null; the other fields stay", async () => {
    const { updateProfile } = await playground.data(UpdateProfileFieldsDocument, {
      id: "1",
      input: { dateOfBirth: null },
    });
    assert.deepEqual(updateProfile, { address: "1 Main Street", dateOfBirth: null, user: { username: "alice" } });
  });

  test("an update with no fields leaves the row as it was", async () => {
    const booksBefore = await playground.rows("SELECT * FROM book ORDER BY id");
    const { updateBook } = await playground.data(UpdateBookFieldsDocument, { id: "2", input: {} });
    assert.deepEqual(updateBook, { title: "The Hobbit", author: { name: "J.R.R. Tolkien" } });
    assert.deepEqual(await playground.rows("SELECT * FROM book ORDER BY id"), booksBefore);
  });

  test("max_length counts characters, as Django does, not UTF-16 units", async () => {
    const name = "📚".repeat(100);
    const { createAuthor } = await playground.data(CreateAuthorNamedDocument, { name });
    assert.equal(createAuthor.name, name);
  });
});

type DeleteDocument = TypedDocumentNode<{ result: DeletedRowsFragment }, { id: string }>;

interface CascadeCase {
  name: string;
  document: DeleteDocument;
  id: string;
  /** What Django's `delete()` returns per model label. */
  deleted: Record<string, number>;
  /** Queries over what is left, with the rows each must return. */
  remaining: Array<[sql: string, rows: unknown[]]>;
}

const idRows = (...values: number[]) => values.map((id) => ({ id }));

const cascades: CascadeCase[] = [
  {
    name: "deleteManufacturer takes its cars and their registration certificates",
    document: CascadeDeleteManufacturerDocument,
    id: "1",
    deleted: { Manufacturer: 1, Car: 3, RegistrationCertificate: 1 },
    remaining: [
      ["SELECT id FROM manufacturer ORDER BY id", idRows(2)],
      ["SELECT id FROM car ORDER BY id", idRows(4)],
      ["SELECT id FROM registration_certificate", []],
    ],
  },
  {
    name: "deleteCar takes its registration certificate",
    document: CascadeDeleteCarDocument,
    id: "1",
    deleted: { Car: 1, RegistrationCertificate: 1 },
    remaining: [
      ["SELECT id FROM car ORDER BY id", idRows(2, 3, 4)],
      ["SELECT id FROM registration_certificate", []],
    ],
  },
  {
    name: "deletePerson takes the passport",
    document: CascadeDeletePersonDocument,
    id: "1",
    deleted: { Person: 1, Passport: 1 },
    remaining: [
      ["SELECT id FROM person ORDER BY id", idRows(2)],
      ["SELECT id FROM passport", []],
    ],
  },
  {
    name: "deleteUser takes the profile and counts its User_groups links",
    document: CascadeDeleteUserDocument,
    id: "1",
    deleted: { User: 1, Profile: 1, User_groups: 2 },
    remaining: [
      ["SELECT id FROM profile", []],
      ["SELECT user_id, group_id FROM user_groups", [{ user_id: 2, group_id: 1 }]],
      ['SELECT id FROM "group" ORDER BY id', idRows(1, 2)],
    ],
  },
  {
    name: "deleteGroup counts the User_groups links of the reverse side",
    document: CascadeDeleteGroupDocument,
    id: "1",
    deleted: { Group: 1, User_groups: 2 },
    remaining: [
      ["SELECT user_id, group_id FROM user_groups", [{ user_id: 1, group_id: 2 }]],
      ['SELECT id FROM "user" ORDER BY id', idRows(1, 2)],
    ],
  },
  {
    name: "deleteCourse counts its Course_students links and keeps the students",
    document: CascadeDeleteCourseDocument,
    id: "1",
    deleted: { Course: 1, Course_students: 2 },
    remaining: [
      ["SELECT course_id, student_id FROM course_students", [{ course_id: 2, student_id: 1 }]],
      ["SELECT id FROM student ORDER BY id", idRows(1, 2, 3)],
    ],
  },
  {
    name: "deleteStudent counts its Course_students links too",
    document: CascadeDeleteStudentDocument,
    id: "1",
    deleted: { Student: 1, Course_students: 2 },
    remaining: [
      ["SELECT course_id, student_id FROM course_students", [{ course_id: 1, student_id: 2 }]],
      ["SELECT id FROM course ORDER BY id", idRows(1, 2)],
    ],
  },
  {
    name: "deleteArticle takes its comments and counts its Article_tags links",
    document: CascadeDeleteArticleDocument,
    id: "2",
    deleted: { Article: 1, Comment: 2, Article_tags: 1 },
    remaining: [
      ["SELECT id FROM comment ORDER BY id", idRows(1)],
      [
        "SELECT article_id, tag_id FROM article_tags ORDER BY tag_id",
        [
          { article_id: 1, tag_id: 1 },
          { article_id: 1, tag_id: 2 },
        ],
      ],
    ],
  },
  {
    name: "deleteTag counts the Article_tags links of the reverse side",
    document: CascadeDeleteTagDocument,
    id: "1",
    deleted: { Tag: 1, Article_tags: 2 },
    remaining: [
      ["SELECT article_id, tag_id FROM article_tags", [{ article_id: 1, tag_id: 2 }]],
      ["SELECT id FROM article ORDER BY id", idRows(1, 2)],
    ],
  },
  {
    name: "deleteCategory takes its products",
    document: CascadeDeleteCategoryDocument,
    id: "2",
    deleted: { Category: 1, Product: 2 },
    remaining: [
      ["SELECT id FROM product ORDER BY id", idRows(1)],
      ["SELECT id FROM supplier ORDER BY id", idRows(1, 2)],
    ],
  },
  {
    name: "deleteAuthor takes the author's books",
    document: CascadeDeleteAuthorDocument,
    id: "1",
    deleted: { Author: 1, Book: 1 },
    remaining: [["SELECT id FROM book ORDER BY id", idRows(2)]],
  },
  {
    name: "deleteParent takes the children (related_name)",
    document: CascadeDeleteParentDocument,
    id: "1",
    deleted: { Parent: 1, Child: 2 },
    remaining: [["SELECT id FROM child", []]],
  },
  {
    name: "deleteCompany takes the employees (related_name)",
    document: CascadeDeleteCompanyDocument,
    id: "1",
    deleted: { Company: 1, Employee: 2 },
    remaining: [["SELECT id FROM employee", []]],
  },
  {
    name: "deleteSupplier sets product.supplier to null and does not count it",
    document: CascadeDeleteSupplierDocument,
    id: "1",
    deleted: { Supplier: 1 },
    remaining: [
      [
        "SELECT id, supplier_id FROM product ORDER BY id",
        [
          { id: 1, supplier_id: null },
          { id: 2, supplier_id: 2 },
          { id: 3, supplier_id: null },
        ],
      ],
    ],
  },
  {
    name: "deleteSchool sets student.school to null and does not count it",
    document: CascadeDeleteSchoolDocument,
    id: "1",
    deleted: { School: 1 },
    remaining: [
      [
        "SELECT id, school_id FROM student ORDER BY id",
        [
          { id: 1, school_id: null },
          { id: 2, school_id: null },
          { id: 3, school_id: null },
        ],
      ],
    ],
  },
  {
    name: "deleteCustomer of a customer without orders deletes just the customer",
    document: CascadeDeleteCustomerDocument,
    id: "2",
    deleted: { Customer: 1 },
    remaining: [
      ["SELECT id FROM customer", idRows(1)],
      ['SELECT id FROM "order" ORDER BY id', idRows(1, 2)],
    ],
  },
];

/** Django returns a dict; the contract a list. Compared as a dict, so order does not matter. */
function countsByModel(result: DeletedRowsFragment): Record<string, number> {
  return Object.fromEntries(result.perModel.map(({ model, count }) => [model, count]));
}

async function deleteAndCount(document: DeleteDocument, id: string): Promise<Record<string, number>> {
  const { result } = await playground.data(document, { id });
  assert.equal(result.perModel.length, new Set(result.perModel.map(({ model }) => model)).size, "one entry per model");
  const counts = countsByModel(result);
  assert.equal(
    result.total,
    Object.values(counts).reduce((sum, count) => sum + count, 0),
    "total is the sum of perModel",
  );
  return counts;
}

describe("delete, counted as Django's delete() counts", () => {
  for (const { name, document, id, deleted, remaining } of cascades) {
    test(name, async () => {
      assert.deepEqual(await deleteAndCount(document, id), deleted);
      for (const [sql, rows] of remaining) assert.deepEqual(await playground.rows(sql), rows, sql);
    });
  }

  test("PROTECT: a customer with orders is refused until the last order is gone", async () => {
    const refused = await playground.errorCode(CascadeDeleteCustomerDocument, { id: "1" });
    assert.equal(refused.code, "PROTECTED");
    assert.match(refused.message, /Order/, "names what blocks the delete");
    await deleteAndCount(CascadeDeleteOrderDocument, "1");
    assert.equal((await playground.errorCode(CascadeDeleteCustomerDocument, { id: "1" })).code, "PROTECTED");
    assert.deepEqual(await deleteAndCount(CascadeDeleteOrderDocument, "2"), { Order: 1 });
    assert.deepEqual(await deleteAndCount(CascadeDeleteCustomerDocument, "1"), { Customer: 1 });
    assert.deepEqual(await playground.rows("SELECT id FROM customer"), idRows(2));
  });

  test("PROTECT: pointing the orders at another customer unblocks the delete", async () => {
    for (const id of ["1", "2"]) {
      await playground.data(UpdateOrderFieldsDocument, { id, input: { customerId: "2" } });
    }
    assert.deepEqual(await deleteAndCount(CascadeDeleteCustomerDocument, "1"), { Customer: 1 });
    const { customers } = await playground.data(OrdersAndCustomersDocument);
    assert.deepEqual(customers, [
      { name: "Globex", orderSetCount: 2, orderSet: [{ reference: "ORD-0001" }, { reference: "ORD-0002" }] },
    ]);
  });
});

type LinkResult = { result: { id: string; linked: Array<{ id: string }> } };
type LinkDocument = TypedDocumentNode<LinkResult, { owner: string; ids: string[] }>;

/** One side of a many-to-many field: its related manager, and the join table underneath. */
interface LinkSide {
  accessor: string;
  table: string;
  ownerColumn: string;
  targetColumn: string;
  owner: string;
  targets: [string, string];
  add: LinkDocument;
  remove: LinkDocument;
  set: LinkDocument;
  clear: TypedDocumentNode<LinkResult, { owner: string }>;
}

const linkSides: LinkSide[] = [
  {
    accessor: "course.students",
    table: "course_students",
    ownerColumn: "course_id",
    targetColumn: "student_id",
    owner: "2",
    targets: ["1", "3"],
    add: CourseStudentsAddDocument,
    remove: CourseStudentsRemoveDocument,
    set: CourseStudentsSetDocument,
    clear: CourseStudentsClearDocument,
  },
  {
    accessor: "student.course_set",
    table: "course_students",
    ownerColumn: "student_id",
    targetColumn: "course_id",
    owner: "3",
    targets: ["1", "2"],
    add: StudentCourseSetAddDocument,
    remove: StudentCourseSetRemoveDocument,
    set: StudentCourseSetSetDocument,
    clear: StudentCourseSetClearDocument,
  },
  {
    accessor: "article.tags",
    table: "article_tags",
    ownerColumn: "article_id",
    targetColumn: "tag_id",
    owner: "2",
    targets: ["1", "2"],
    add: ArticleTagsAddDocument,
    remove: ArticleTagsRemoveDocument,
    set: ArticleTagsSetDocument,
    clear: ArticleTagsClearDocument,
  },
  {
    accessor: "tag.article_set",
    table: "article_tags",
    ownerColumn: "tag_id",
    targetColumn: "article_id",
    owner: "2",
    targets: ["1", "2"],
    add: TagArticleSetAddDocument,
    remove: TagArticleSetRemoveDocument,
    set: TagArticleSetSetDocument,
    clear: TagArticleSetClearDocument,
  },
  {
    accessor: "user.groups",
    table: "user_groups",
    ownerColumn: "user_id",
    targetColumn: "group_id",
    owner: "2",
    targets: ["1", "2"],
    add: UserGroupsAddDocument,
    remove: UserGroupsRemoveDocument,
    set: UserGroupsSetDocument,
    clear: UserGroupsClearDocument,
  },
  {
    accessor: "group.user_set",
    table: "user_groups",
    ownerColumn: "group_id",
    targetColumn: "user_id",
    owner: "2",
    targets: ["1", "2"],
    add: GroupUserSetAddDocument,
    remove: GroupUserSetRemoveDocument,
    set: GroupUserSetSetDocument,
    clear: GroupUserSetClearDocument,
  },
];

/** The target ids linked to `owner` in the join table, duplicates included. */
async function linkedInTable(side: LinkSide): Promise<string[]> {
  return (
    await playground.rows<{ target: number }>(
      `SELECT ${side.targetColumn} AS target FROM ${side.table} WHERE ${side.ownerColumn} = ? ORDER BY target`,
      Number(side.owner),
    )
  ).map(({ target }) => String(target));
}

function otherOwnersLinks(side: LinkSide): Promise<unknown[]> {
  return playground.rows(
    `SELECT * FROM ${side.table} WHERE ${side.ownerColumn} <> ? ORDER BY ${side.ownerColumn}, ${side.targetColumn}`,
    Number(side.owner),
  );
}

/** Runs one link mutation; checks what it returns against the table and counts the rows it changed. */
async function link(side: LinkSide, action: "add" | "remove" | "set", ids: string[]): Promise<number> {
  let linked: string[] = [];
  const changed = await rowsChangedBy(async () => {
    const { result } = await playground.data(side[action], { owner: side.owner, ids });
    linked = result.linked.map(({ id }) => id);
  });
  assert.deepEqual(linked, await linkedInTable(side), `${action} returns the owner's links`);
  return changed;
}

function linkScenario(name: string, scenario: (side: LinkSide, t1: string, t2: string) => Promise<void>): void {
  describe(name, () => {
    for (const side of linkSides) {
      test(side.accessor, async () => {
        await link(side, "set", []);
        const othersBefore = await otherOwnersLinks(side);
        await scenario(side, ...side.targets);
        assert.deepEqual(await otherOwnersLinks(side), othersBefore, "other owners' links are untouched");
      });
    }
  });
}

describe("many-to-many links, from both sides", () => {
  linkScenario("add(): adding a link twice is harmless", async (side, t1, t2) => {
    assert.equal(await link(side, "add", [t1]), 1);
    assert.equal(await link(side, "add", [t1, t2, t2]), 1);
    assert.equal(await link(side, "add", [t2, t1]), 0);
    assert.deepEqual(await linkedInTable(side), [t1, t2]);
  });

  linkScenario("remove(): drops only the given links; a missing link is a no-op", async (side, t1, t2) => {
    await link(side, "add", [t1, t2]);
    assert.equal(await link(side, "remove", [t1]), 1);
    assert.equal(await link(side, "remove", [t1]), 0);
    assert.deepEqual(await linkedInTable(side), [t2]);
  });

  linkScenario("set(): adds and removes only what differs", async (side, t1, t2) => {
    assert.equal(await link(side, "set", [t1, t2]), 2);
    assert.equal(await link(side, "set", [t2]), 1, "keeps t2, removes t1");
    assert.equal(await link(side, "set", [t1, t2]), 1, "keeps t2, adds t1");
    assert.equal(await link(side, "set", [t2, t1]), 0, "nothing differs");
    assert.deepEqual(await linkedInTable(side), [t1, t2]);
  });

  linkScenario("clear(): empties the owner's links only", async (side, t1, t2) => {
    await link(side, "add", [t1, t2]);
    const changed = await rowsChangedBy(async () => {
      const { result } = await playground.data(side.clear, { owner: side.owner });
      assert.deepEqual(result.linked, []);
    });
    assert.equal(changed, 2);
    assert.deepEqual(await linkedInTable(side), []);
  });

  test("a link added from one side reads from the other", async () => {
    await playground.data(StudentCourseSetAddDocument, { owner: "3", ids: ["2"] });
    const { courses } = await playground.data(CoursesAndStudentsDocument);
    assert.deepEqual(courses[1], {
      name: "Physics",
      studentsCount: 2,
      students: [{ name: "Alice" }, { name: "Carol" }],
    });
  });
});
