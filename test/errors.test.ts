/**
 * Every refusal of the contract: the stable `extensions.code`, a message that names what to
 * fix, and a database that is exactly what it was before (read back table by table).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  CarIdsWhereDocument,
  CascadeDeleteCustomerDocument,
  CascadeDeletePersonDocument,
  CourseStudentsAddDocument,
  CreateCarDocument,
  CreateCertificateForDocument,
  CreateGroupNamedDocument,
  CreateOrderForDocument,
  CreatePassportForDocument,
  CreatePersonNamedDocument,
  CreateProfileForDocument,
  CreateTagNamedDocument,
  CreateUserNamedDocument,
  ManufacturerCarPagesDocument,
  ManufacturersWithCarsDocument,
  PersonNameDocument,
  ProfileIdsWhereDocument,
  RenamePersonDocument,
  RenameTagDocument,
  RenameUserDocument,
  UpdateBookFieldsDocument,
  UpdateCertificateFieldsDocument,
  UpdateOrderFieldsDocument,
  UpdatePassportFieldsDocument,
} from "./generated/operations.js";
import { TestPlayground, type Response } from "./support/playground.js";

let playground: TestPlayground;

before(async () => {
  playground = await TestPlayground.start();
});
after(() => playground.close());

interface Refusal {
  name: string;
  send: () => Promise<Response<unknown>>;
  /** Words the message must contain, so that a person knows what to change. */
  mentions: string[];
}

function refusals(code: string, cases: Refusal[]): void {
  describe(code, () => {
    for (const { name, send, mentions } of cases) {
      test(name, async () => {
        const before = await playground.contents();
        const response = await send();
        const error = response.errors?.[0];
        assert.ok(error, `expected an error, got ${JSON.stringify(response.data)}`);
        assert.equal(error.extensions?.code, code, error.message);
        for (const word of mentions) assert.ok(error.message.includes(word), `"${error.message}" mentions ${word}`);
        assert.deepEqual(await playground.contents(), before, "nothing was written");
      });
    }
  });
}

const tooLong = (maxLength: number) => "x".repeat(maxLength + 1);

refusals("BAD_USER_INPUT", [
  {
    name: "a value longer than max_length",
    send: () => playground.request(CreatePersonNamedDocument, { name: tooLong(100) }),
    mentions: ["name", "100"],
  },
  {
    name: "max_length counts characters: 101 emoji are one too many",
    send: () => playground.request(CreatePersonNamedDocument, { name: "📚".repeat(101) }),
    mentions: ["name", "100", "101"],
  },
  {
    name: "an empty required string on create",
    send: () => playground.request(CreatePersonNamedDocument, { name: "" }),
    mentions: ["name", "empty"],
  },
  {
    name: "an empty required string on update",
    send: () => playground.request(RenamePersonDocument, { id: "1", name: "" }),
    mentions: ["name", "empty"],
  },
  {
    name: "null for a required field on update",
    send: () => playground.request(RenamePersonDocument, { id: "1", name: null }),
    mentions: ["name", "null"],
  },
  {
    name: "null for a required foreign key on update",
    send: () => playground.request(UpdateBookFieldsDocument, { id: "1", input: { authorId: null } }),
    mentions: ["author", "null"],
  },
  {
    name: "a malformed id in the id argument",
    send: () => playground.request(PersonNameDocument, { id: "abc" }),
    mentions: ["id", "abc"],
  },
  {
    name: "a malformed id in the id argument of a mutation",
    send: () => playground.request(CascadeDeletePersonDocument, { id: "abc" }),
    mentions: ["id", "abc"],
  },
  {
    name: "a malformed foreign key id in an input",
    send: () => playground.request(CreateCarDocument, { input: { modelName: "Prius", manufacturerId: "abc" } }),
    mentions: ["manufacturerId", "abc"],
  },
  {
    name: "a malformed id among the ids to link",
    send: () => playground.request(CourseStudentsAddDocument, { owner: "1", ids: ["3", "abc"] }),
    mentions: ["ids", "abc"],
  },
  {
    name: "a malformed id in a filter",
    send: () => playground.request(CarIdsWhereDocument, { where: { manufacturerId: { eq: "abc" } } }),
    mentions: ["manufacturerId", "abc"],
  },
  {
    name: "a malformed id in a filter's list",
    send: () => playground.request(CarIdsWhereDocument, { where: { id: { in: ["1", "abc"] } } }),
    mentions: ["id", "abc"],
  },
  {
    name: "a malformed date in the variables",
    send: () =>
      playground.request(CreateProfileForDocument, {
        input: { address: "2 Side Street", dateOfBirth: "1990-13-45", userId: "2" },
      }),
    mentions: ["dateOfBirth", "1990-13-45"],
  },
  {
    name: "a date that no calendar has, in the variables",
    send: () =>
      playground.request(CreateProfileForDocument, {
        input: { address: "2 Side Street", dateOfBirth: "2023-02-30", userId: "2" },
      }),
    mentions: ["dateOfBirth", "2023-02-30"],
  },
  {
    name: "a malformed date written in the document",
    send: () =>
      playground.post({
        query:
          'mutation { createProfile(input: { address: "2 Side Street", dateOfBirth: "1990-13-45", userId: "2" }) { id } }',
      }),
    mentions: ["LocalDate", "1990-13-45"],
  },
  {
    name: "a malformed date in a filter",
    send: () => playground.request(ProfileIdsWhereDocument, { where: { dateOfBirth: { eq: "17/05/1990" } } }),
    mentions: ["17/05/1990"],
  },
  {
    name: "a root limit over the maximum",
    send: () => playground.request(ManufacturersWithCarsDocument, { limit: 1001 }),
    mentions: ["limit", "1000"],
  },
  {
    name: "a negative root limit",
    send: () => playground.request(ManufacturersWithCarsDocument, { limit: -1 }),
    mentions: ["limit", "-1"],
  },
  {
    name: "a nested limit over the maximum",
    send: () => playground.request(ManufacturerCarPagesDocument, { limit: 1001 }),
    mentions: ["limit", "1000"],
  },
]);

refusals("NOT_FOUND", [
  {
    name: "updating an id that does not exist",
    send: () => playground.request(RenamePersonDocument, { id: "999", name: "Nobody" }),
    mentions: ["Person", "999"],
  },
  {
    name: "deleting an id that does not exist",
    send: () => playground.request(CascadeDeletePersonDocument, { id: "999" }),
    mentions: ["Person", "999"],
  },
  {
    name: "a foreign key id in a create input that does not exist",
    send: () => playground.request(CreateCarDocument, { input: { modelName: "Prius", manufacturerId: "999" } }),
    mentions: ["Manufacturer", "999"],
  },
  {
    name: "a foreign key id in an update input that does not exist",
    send: () => playground.request(UpdateBookFieldsDocument, { id: "1", input: { authorId: "999" } }),
    mentions: ["Author", "999"],
  },
  {
    name: "one unknown id among valid ones to link changes no link",
    send: () => playground.request(CourseStudentsAddDocument, { owner: "1", ids: ["3", "999"] }),
    mentions: ["Student", "999"],
  },
  {
    name: "linking to an owner that does not exist",
    send: () => playground.request(CourseStudentsAddDocument, { owner: "999", ids: ["1"] }),
    mentions: ["Course", "999"],
  },
]);

refusals("CONFLICT", [
  {
    name: "a second passport for the same person",
    send: () => playground.request(CreatePassportForDocument, { input: { passportNumber: "XYZ789", personId: "1" } }),
    mentions: ["Person", "Passport"],
  },
  {
    name: "a second profile for the same user",
    send: () => playground.request(CreateProfileForDocument, { input: { address: "Elsewhere", userId: "1" } }),
    mentions: ["User", "Profile"],
  },
  {
    name: "a second registration certificate for the same car",
    send: () =>
      playground.request(CreateCertificateForDocument, {
        input: { number: "REG-0002", issuedOn: "2024-02-01", carId: "1" },
      }),
    mentions: ["Car", "RegistrationCertificate"],
  },
  {
    name: "a duplicate registration number",
    send: () =>
      playground.request(CreateCertificateForDocument, {
        input: { number: "REG-0001", issuedOn: "2024-02-01", carId: "2" },
      }),
    mentions: ["number", "REG-0001"],
  },
  {
    name: "a duplicate username",
    send: () => playground.request(CreateUserNamedDocument, { username: "alice" }),
    mentions: ["username", "alice"],
  },
  {
    name: "renaming a user to another user's username",
    send: () => playground.request(RenameUserDocument, { id: "2", username: "alice" }),
    mentions: ["username", "alice"],
  },
  {
    name: "a duplicate tag name",
    send: () => playground.request(CreateTagNamedDocument, { name: "django" }),
    mentions: ["name", "django"],
  },
  {
    name: "a duplicate group name",
    send: () => playground.request(CreateGroupNamedDocument, { name: "editors" }),
    mentions: ["name", "editors"],
  },
  {
    name: "a duplicate order reference",
    send: () => playground.request(CreateOrderForDocument, { input: { reference: "ORD-0001", customerId: "2" } }),
    mentions: ["reference", "ORD-0001"],
  },
]);

refusals("PROTECTED", [
  {
    name: "deleting a customer who still has orders",
    send: () => playground.request(CascadeDeleteCustomerDocument, { id: "1" }),
    mentions: ["Customer", "Order", "Delete"],
  },
]);

describe("saving a row with its own current unique value is no conflict", () => {
  const saves: Array<[name: string, save: () => Promise<unknown>, expected: unknown]> = [
    [
      "a user keeps its username",
      () => playground.data(RenameUserDocument, { id: "1", username: "alice" }),
      { updateUser: { username: "alice" } },
    ],
    [
      "a tag keeps its name",
      () => playground.data(RenameTagDocument, { id: "1", name: "django" }),
      { updateTag: { name: "django" } },
    ],
    [
      "an order keeps its reference",
      () => playground.data(UpdateOrderFieldsDocument, { id: "1", input: { reference: "ORD-0001" } }),
      { updateOrder: { reference: "ORD-0001", customer: { name: "Acme Corp" } } },
    ],
    [
      "a passport keeps its person (one-to-one)",
      () => playground.data(UpdatePassportFieldsDocument, { id: "1", input: { personId: "1" } }),
      { updatePassport: { passportNumber: "ABC123", person: { name: "John" } } },
    ],
    [
      "a certificate keeps its number and its car",
      () => playground.data(UpdateCertificateFieldsDocument, { id: "1", input: { number: "REG-0001", carId: "1" } }),
      { updateRegistrationCertificate: { number: "REG-0001", issuedOn: "2024-01-15", car: { modelName: "Camry" } } },
    ],
  ];
  for (const [name, save, expected] of saves) {
    test(name, async () => {
      const before = await playground.contents();
      assert.deepEqual(await save(), expected);
      assert.deepEqual(await playground.contents(), before);
    });
  }
});

test("after every refusal the server still reads and writes", async () => {
  const { createTag } = await playground.data(CreateTagNamedDocument, { name: "graphql" });
  assert.deepEqual(await playground.rows("SELECT id, name FROM tag ORDER BY id"), [
    { id: 1, name: "django" },
    { id: 2, name: "python" },
    { id: Number(createTag.id), name: "graphql" },
  ]);
  assert.deepEqual(await playground.data(PersonNameDocument, { id: "1" }), { person: { name: "John" } });
});

test("extensions.argument gives the path of the value inside the input", async () => {
  const tooLong = await playground.post({
    query: `mutation { createCar(input: {modelName: "${"x".repeat(101)}", manufacturerId: "1"}) { id } }`,
  });
  assert.equal(tooLong.errors?.[0]?.extensions?.argument, "input.modelName");
  const unknownKey = await playground.post({
    query: 'mutation { createCar(input: {modelName: "Prius", manufacturerId: "999"}) { id } }',
  });
  assert.equal(unknownKey.errors?.[0]?.extensions?.code, "NOT_FOUND");
  assert.equal(unknownKey.errors?.[0]?.extensions?.argument, "input.manufacturerId");
  assert.match(unknownKey.errors![0]!.message, /Manufacturer 999 does not exist \(input\.manufacturerId\)/);
});
