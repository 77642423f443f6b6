/**
 * Every operation of examples/*.graphql, run in file order on a fresh database, with the results
 * Django gives for the snippet each file replays.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ManyToManyAddCourseToStudentDocument,
  ManyToManyAddStudentAgainDocument,
  ManyToManyAddStudentsDocument,
  ManyToManyAddUserToGroupDocument,
  ManyToManyClearStudentsDocument,
  ManyToManyCourseStudentsDocument,
  ManyToManyCreateArticleDocument,
  ManyToManyCreateCourseDocument,
  ManyToManyCreateStudentsDocument,
  ManyToManyCreateTagsDocument,
  ManyToManyCreateUserAndGroupDocument,
  ManyToManyDeleteCourseDocument,
  ManyToManyDeleteTagDocument,
  ManyToManyRemoveStudentDocument,
  ManyToManySetStudentsDocument,
  ManyToManyStudentCoursesDocument,
  ManyToManyTagArticleDocument,
  ManyToManyTagArticlesDocument,
  ManyToManyUserGroupsDocument,
  ManyToOneAuthorBooksDocument,
  ManyToOneBookAuthorDocument,
  ManyToOneBooksByAuthorDocument,
  ManyToOneChangeBookAuthorDocument,
  ManyToOneCreateAuthorDocument,
  ManyToOneCreateBooksDocument,
  ManyToOneCreateCategoryAndSupplierDocument,
  ManyToOneCreateCustomerDocument,
  ManyToOneCreateOrderDocument,
  ManyToOneCreatePenNameDocument,
  ManyToOneCreateSuppliedProductDocument,
  ManyToOneDeleteCustomerDocument,
  ManyToOneDeleteCustomerWithOrdersDocument,
  ManyToOneDeleteOrderDocument,
  ManyToOneDeleteSupplierDocument,
  ManyToOneProductWithoutSupplierDocument,
  OneToManyArticleCommentsDocument,
  OneToManyCarManufacturerDocument,
  OneToManyCarsAfterDeleteDocument,
  OneToManyCategoryProductsDocument,
  OneToManyCreateArticleDocument,
  OneToManyCreateCarsDocument,
  OneToManyCreateCategoryDocument,
  OneToManyCreateCommentDocument,
  OneToManyCreateManufacturerDocument,
  OneToManyCreateProductsDocument,
  OneToManyDeleteCategoryDocument,
  OneToManyDeleteManufacturerDocument,
  OneToManyManufacturerCarsDocument,
  OneToManyRegisterCamryDocument,
  OneToOneCarCertificateDocument,
  OneToOneCreatePassportDocument,
  OneToOneCreatePersonDocument,
  OneToOneCreateProfileDocument,
  OneToOneCreateUserDocument,
  OneToOneDeletePassportDocument,
  OneToOneDeleteUserDocument,
  OneToOneFindCivicDocument,
  OneToOnePassportPersonDocument,
  OneToOnePersonPassportDocument,
  OneToOnePersonWithoutPassportDocument,
  OneToOneRegisterCarDocument,
  OneToOneRenumberPassportDocument,
  OneToOneSecondPassportDocument,
  OneToOneUserProfileDocument,
  ReverseChildParentDocument,
  ReverseCompanyEmployeesDocument,
  ReverseCreateChildrenDocument,
  ReverseCreateCompanyDocument,
  ReverseCreateEmployeesDocument,
  ReverseCreateParentDocument,
  ReverseCreateSchoolDocument,
  ReverseCreateStudentDocument,
  ReverseDeleteCompanyDocument,
  ReverseDeleteSchoolDocument,
  ReverseParentChildrenDocument,
  ReverseSchoolStudentsDocument,
  ReverseStudentWithoutSchoolDocument,
} from "./generated/operations.js";
import { ExampleReplay, exampleFiles, exampleOperations } from "./support/examples.js";

interface DeleteResult {
  total: number;
  perModel: Array<{ model: string; count: number }>;
}

/**
 * Django's `delete()` result for these rows deleted per model (link rows under
 * `<Model>_<field>`): the total is their sum. The order of `perModel` is not part of the contract.
 */
function assertDeleted(actual: DeleteResult, expected: Record<string, number>): void {
  const byModel = (entries: DeleteResult["perModel"]) => [...entries].sort((a, b) => a.model.localeCompare(b.model));
  assert.deepEqual(
    { total: actual.total, perModel: byModel(actual.perModel) },
    {
      total: Object.values(expected).reduce((sum, count) => sum + count, 0),
      perModel: byModel(Object.entries(expected).map(([model, count]) => ({ model, count }))),
    },
  );
}

const namesRun = new Set<string>();

async function replay(file: string, script: (example: ExampleReplay) => Promise<void>): Promise<void> {
  for (const name of await ExampleReplay.run(file, script)) namesRun.add(name);
}

test("01-one-to-one: one passport per person, reachable from both sides", () =>
  replay("01-one-to-one.graphql", async (example) => {
    const { createPerson: john } = await example.data(OneToOneCreatePersonDocument);
    assert.equal(john.name, "John");
    const { createPassport: passport } = await example.data(OneToOneCreatePassportDocument, { personId: john.id });
    assert.equal(passport.passportNumber, "ABC123");

    const { person } = await example.data(OneToOnePersonPassportDocument, { personId: john.id });
    assert.deepEqual(person, { name: "John", passport: { passportNumber: "ABC123" } });
    const { passport: fromPassport } = await example.data(OneToOnePassportPersonDocument, { passportId: passport.id });
    assert.deepEqual(fromPassport, { passportNumber: "ABC123", person: { name: "John" } });

    const second = await example.refusal(OneToOneSecondPassportDocument, { personId: john.id });
    assert.equal(second.code, "CONFLICT");
    assert.deepEqual(await example.rows("SELECT passport_number FROM passport WHERE person_id = ?", john.id), [
      { passport_number: "ABC123" },
    ]);

    const { updatePassport } = await example.data(OneToOneRenumberPassportDocument, { passportId: passport.id });
    assert.deepEqual(updatePassport, { passportNumber: "XYZ456", person: { name: "John" } });
    // The key is on the passport: deleting it leaves the person alone.
    const { deletePassport } = await example.data(OneToOneDeletePassportDocument, { passportId: passport.id });
    assertDeleted(deletePassport, { Passport: 1 });
    const { person: bereft } = await example.data(OneToOnePersonWithoutPassportDocument, { personId: john.id });
    assert.deepEqual(bereft, { name: "John", passport: null });

    const { createUser: carol } = await example.data(OneToOneCreateUserDocument);
    assert.equal(carol.username, "carol");
    const { createProfile } = await example.data(OneToOneCreateProfileDocument, { userId: carol.id });
    assert.deepEqual(createProfile, {
      address: "12 Elm Street",
      dateOfBirth: "1988-02-29",
      user: { username: "carol" },
    });
    const { user } = await example.data(OneToOneUserProfileDocument, { userId: carol.id });
    assert.deepEqual(user, { username: "carol", profile: { address: "12 Elm Street", dateOfBirth: "1988-02-29" } });
    // Carol is in no group, so no User_groups link rows go with her.
    const { deleteUser } = await example.data(OneToOneDeleteUserDocument, { userId: carol.id });
    assertDeleted(deleteUser, { User: 1, Profile: 1 });

    // The seed registers the Camry only; the Civic has no certificate yet.
    const { cars } = await example.data(OneToOneFindCivicDocument);
    assert.deepEqual(
      cars.map((car) => car.registrationCertificate),
      [null],
    );
    const civicId = cars[0]!.id;
    const { createRegistrationCertificate } = await example.data(OneToOneRegisterCarDocument, { carId: civicId });
    assert.deepEqual(createRegistrationCertificate, {
      number: "REG-0002",
      issuedOn: "2024-03-01",
      car: { modelName: "Civic" },
    });
    const { car } = await example.data(OneToOneCarCertificateDocument, { carId: civicId });
    assert.deepEqual(car, {
      modelName: "Civic",
      registrationCertificate: { number: "REG-0002", issuedOn: "2024-03-01" },
    });
  }));

test("02-one-to-many: a manufacturer's car_set, and the cascade that deletes it", () =>
  replay("02-one-to-many.graphql", async (example) => {
    const { createManufacturer: toyota } = await example.data(OneToManyCreateManufacturerDocument);
    assert.equal(toyota.name, "Toyota");
    const created = await example.data(OneToManyCreateCarsDocument, { manufacturerId: toyota.id });
    assert.deepEqual(
      [created.camry.modelName, created.corolla.modelName, created.rav4.modelName],
      ["Camry", "Corolla", "Rav4"],
    );

    const { manufacturer } = await example.data(OneToManyManufacturerCarsDocument, { manufacturerId: toyota.id });
    assert.deepEqual(manufacturer, {
      name: "Toyota",
      carSet: [{ modelName: "Camry" }, { modelName: "Corolla" }, { modelName: "Rav4" }],
      carSetCount: 3,
    });
    const { car } = await example.data(OneToManyCarManufacturerDocument, { carId: created.camry.id });
    assert.deepEqual(car, { modelName: "Camry", manufacturer: { name: "Toyota" } });

    await example.data(OneToManyRegisterCamryDocument, { carId: created.camry.id });
    // CASCADE reaches the three cars, and from the Camry its certificate.
    const { deleteManufacturer } = await example.data(OneToManyDeleteManufacturerDocument, {
      manufacturerId: toyota.id,
    });
    assertDeleted(deleteManufacturer, { Manufacturer: 1, Car: 3, RegistrationCertificate: 1 });
    const afterDelete = await example.data(OneToManyCarsAfterDeleteDocument, { manufacturerId: toyota.id });
    assert.deepEqual(afterDelete, { carsCount: 0, manufacturer: null });

    const { createCategory: garden } = await example.data(OneToManyCreateCategoryDocument);
    const products = await example.data(OneToManyCreateProductsDocument, { categoryId: garden.id });
    assert.deepEqual(products.rake.category, { name: "Garden" });
    assert.deepEqual(products.wateringCan.category, { name: "Garden" });
    const { category } = await example.data(OneToManyCategoryProductsDocument, { categoryId: garden.id });
    assert.deepEqual(category, {
      name: "Garden",
      productSet: [{ name: "Rake" }, { name: "Watering can" }],
      productSetCount: 2,
    });
    const { deleteCategory } = await example.data(OneToManyDeleteCategoryDocument, { categoryId: garden.id });
    assertDeleted(deleteCategory, { Category: 1, Product: 2 });

    const { createArticle: article } = await example.data(OneToManyCreateArticleDocument);
    const { createComment } = await example.data(OneToManyCreateCommentDocument, { articleId: article.id });
    assert.deepEqual(createComment.article, { headline: "Foreign keys in practice" });
    const { article: withComments } = await example.data(OneToManyArticleCommentsDocument, { articleId: article.id });
    assert.deepEqual(withComments, {
      headline: "Foreign keys in practice",
      commentSet: [{ text: "Clear and short." }],
      commentSetCount: 1,
    });
  }));

test("03-many-to-many: the related manager's add, remove, set and clear, from both sides", () =>
  replay("03-many-to-many.graphql", async (example) => {
    const { alice, bob } = await example.data(ManyToManyCreateStudentsDocument);
    const { createCourse: math } = await example.data(ManyToManyCreateCourseDocument);
    const courseId = math.id;

    const { addCourseStudents } = await example.data(ManyToManyAddStudentsDocument, {
      courseId,
      studentIds: [alice.id, bob.id],
    });
    assert.deepEqual(addCourseStudents, { name: "Math", students: [{ name: "Alice" }, { name: "Bob" }] });
    const { course } = await example.data(ManyToManyCourseStudentsDocument, { courseId });
    assert.deepEqual(course, { name: "Math", students: [{ name: "Alice" }, { name: "Bob" }], studentsCount: 2 });
    const { student } = await example.data(ManyToManyStudentCoursesDocument, { studentId: alice.id });
    assert.deepEqual(student, { name: "Alice", courseSet: [{ name: "Math" }], courseSetCount: 1 });

    const again = await example.data(ManyToManyAddStudentAgainDocument, { courseId, studentId: alice.id });
    assert.deepEqual(again.addCourseStudents, { students: [{ name: "Alice" }, { name: "Bob" }], studentsCount: 2 });
    const removed = await example.data(ManyToManyRemoveStudentDocument, { courseId, studentId: bob.id });
    assert.deepEqual(removed.removeCourseStudents.students, [{ name: "Alice" }]);
    const set = await example.data(ManyToManySetStudentsDocument, { courseId, studentIds: [bob.id] });
    assert.deepEqual(set.setCourseStudents.students, [{ name: "Bob" }]);
    const cleared = await example.data(ManyToManyClearStudentsDocument, { courseId });
    assert.deepEqual(cleared.clearCourseStudents, { students: [], studentsCount: 0 });
    const { addStudentCourseSet } = await example.data(ManyToManyAddCourseToStudentDocument, {
      studentId: bob.id,
      courseId,
    });
    assert.deepEqual(addStudentCourseSet, { name: "Bob", courseSet: [{ name: "Math", students: [{ name: "Bob" }] }] });

    // Bob's link goes with the course; Bob stays.
    const { deleteCourse } = await example.data(ManyToManyDeleteCourseDocument, { courseId });
    assertDeleted(deleteCourse, { Course: 1, Course_students: 1 });
    assert.deepEqual(await example.rows("SELECT name FROM student WHERE id = ?", bob.id), [{ name: "Bob" }]);

    const { createArticle: article } = await example.data(ManyToManyCreateArticleDocument);
    const tags = await example.data(ManyToManyCreateTagsDocument);
    const { addArticleTags } = await example.data(ManyToManyTagArticleDocument, {
      articleId: article.id,
      tagIds: [tags.graphql.id, tags.orm.id],
    });
    assert.deepEqual(addArticleTags, {
      headline: "Tagging with many-to-many",
      tags: [{ name: "graphql" }, { name: "orm" }],
    });
    const { tag } = await example.data(ManyToManyTagArticlesDocument, { tagId: tags.graphql.id });
    assert.deepEqual(tag, { name: "graphql", articleSet: [{ headline: "Tagging with many-to-many" }] });
    // Deleted from the Tag side, the link rows still carry the label of the side that declares the field.
    const { deleteTag } = await example.data(ManyToManyDeleteTagDocument, { tagId: tags.graphql.id });
    assertDeleted(deleteTag, { Tag: 1, Article_tags: 1 });

    const { createUser: dave, createGroup: reviewers } = await example.data(ManyToManyCreateUserAndGroupDocument);
    const { addGroupUserSet } = await example.data(ManyToManyAddUserToGroupDocument, {
      groupId: reviewers.id,
      userId: dave.id,
    });
    assert.deepEqual(addGroupUserSet, { name: "reviewers", userSet: [{ username: "dave" }] });
    const { user } = await example.data(ManyToManyUserGroupsDocument, { userId: dave.id });
    assert.deepEqual(user, { username: "dave", groups: [{ name: "reviewers" }], groupsCount: 1 });
  }));

test("04-many-to-one: book.author, moving a book, and what PROTECT and SET_NULL do", () =>
  replay("04-many-to-one.graphql", async (example) => {
    const { createAuthor: rowling } = await example.data(ManyToOneCreateAuthorDocument);
    const { harry, cuckoo } = await example.data(ManyToOneCreateBooksDocument, { authorId: rowling.id });
    const { book } = await example.data(ManyToOneBookAuthorDocument, { bookId: harry.id });
    assert.deepEqual(book, { title: "Harry Potter", author: { name: "J.K. Rowling" } });
    const { author } = await example.data(ManyToOneAuthorBooksDocument, { authorId: rowling.id });
    assert.deepEqual(author, {
      name: "J.K. Rowling",
      bookSet: [{ title: "Harry Potter" }, { title: "The Cuckoo's Calling" }],
      bookSetCount: 2,
    });

    const { createAuthor: galbraith } = await example.data(ManyToOneCreatePenNameDocument);
    const { updateBook } = await example.data(ManyToOneChangeBookAuthorDocument, {
      bookId: cuckoo.id,
      authorId: galbraith.id,
    });
    assert.deepEqual(updateBook, { title: "The Cuckoo's Calling", author: { name: "Robert Galbraith" } });
    const { authors } = await example.data(ManyToOneBooksByAuthorDocument, { authorIds: [rowling.id, galbraith.id] });
    assert.deepEqual(authors, [
      { name: "J.K. Rowling", bookSet: [{ title: "Harry Potter" }] },
      { name: "Robert Galbraith", bookSet: [{ title: "The Cuckoo's Calling" }] },
    ]);

    const { createCustomer: initech } = await example.data(ManyToOneCreateCustomerDocument);
    const { createOrder: order } = await example.data(ManyToOneCreateOrderDocument, { customerId: initech.id });
    assert.deepEqual(order.customer, { name: "Initech" });
    const refused = await example.refusal(ManyToOneDeleteCustomerWithOrdersDocument, { customerId: initech.id });
    assert.equal(refused.code, "PROTECTED");
    assert.match(refused.message, new RegExp(`\\bOrder ${order.id}\\b`), "the message names the blocking order");
    assert.deepEqual(await example.rows("SELECT name FROM customer WHERE id = ?", initech.id), [{ name: "Initech" }]);
    // Deleting the order only removes the order: the key points from it to the customer.
    const { deleteOrder } = await example.data(ManyToOneDeleteOrderDocument, { orderId: order.id });
    assertDeleted(deleteOrder, { Order: 1 });
    const { deleteCustomer } = await example.data(ManyToOneDeleteCustomerDocument, { customerId: initech.id });
    assertDeleted(deleteCustomer, { Customer: 1 });

    const { createCategory: tools, createSupplier: acme } = await example.data(
      ManyToOneCreateCategoryAndSupplierDocument,
    );
    const { createProduct: hammer } = await example.data(ManyToOneCreateSuppliedProductDocument, {
      categoryId: tools.id,
      supplierId: acme.id,
    });
    assert.deepEqual(hammer.supplier, { name: "Acme Tools" });
    // SET_NULL updates the hammer instead of deleting it, and Django counts only deletions.
    const { deleteSupplier } = await example.data(ManyToOneDeleteSupplierDocument, { supplierId: acme.id });
    assertDeleted(deleteSupplier, { Supplier: 1 });
    const { product } = await example.data(ManyToOneProductWithoutSupplierDocument, { productId: hammer.id });
    assert.deepEqual(product, { name: "Hammer", supplier: null });
  }));

test("05-reverse: related_name names the reverse accessor", () =>
  replay("05-reverse.graphql", async (example) => {
    const { createParent: alice } = await example.data(ReverseCreateParentDocument);
    const { bob } = await example.data(ReverseCreateChildrenDocument, { parentId: alice.id });
    const { parent } = await example.data(ReverseParentChildrenDocument, { parentId: alice.id });
    assert.deepEqual(parent, { name: "Alice", children: [{ name: "Bob" }, { name: "Charlie" }], childrenCount: 2 });
    const { child } = await example.data(ReverseChildParentDocument, { childId: bob.id });
    assert.deepEqual(child, { name: "Bob", parent: { name: "Alice" } });

    const { createCompany: globex } = await example.data(ReverseCreateCompanyDocument);
    await example.data(ReverseCreateEmployeesDocument, { companyId: globex.id });
    const { company } = await example.data(ReverseCompanyEmployeesDocument, { companyId: globex.id });
    assert.deepEqual(company, {
      name: "Globex",
      employees: [
        { name: "Frank", company: { name: "Globex" } },
        { name: "Grace", company: { name: "Globex" } },
      ],
      employeesCount: 2,
    });
    const { deleteCompany } = await example.data(ReverseDeleteCompanyDocument, { companyId: globex.id });
    assertDeleted(deleteCompany, { Company: 1, Employee: 2 });

    const { createSchool: shelbyville } = await example.data(ReverseCreateSchoolDocument);
    const { createStudent: heidi } = await example.data(ReverseCreateStudentDocument, { schoolId: shelbyville.id });
    assert.deepEqual(heidi.school, { name: "Shelbyville Elementary" });
    const { school } = await example.data(ReverseSchoolStudentsDocument, { schoolId: shelbyville.id });
    assert.deepEqual(school, { name: "Shelbyville Elementary", students: [{ name: "Heidi" }], studentsCount: 1 });
    // Students outlive their school (SET_NULL); unlinking them is not a deletion.
    const { deleteSchool } = await example.data(ReverseDeleteSchoolDocument, { schoolId: shelbyville.id });
    assertDeleted(deleteSchool, { School: 1 });
    const { student } = await example.data(ReverseStudentWithoutSchoolDocument, { studentId: heidi.id });
    assert.deepEqual(student, { name: "Heidi", school: null });
  }));

test("every operation in examples/ is replayed above, and operation names are unique", () => {
  const defined = exampleFiles().flatMap((file) => exampleOperations(file).map((operation) => operation.name!.value));
  assert.equal(new Set(defined).size, defined.length, "operation names must be unique across examples/");
  assert.deepEqual([...namesRun].sort(), [...defined].sort());
});
