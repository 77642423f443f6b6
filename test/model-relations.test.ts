/**
 * The relation options of a models.py of one's own, served over HTTP on the test engine from
 * test/models-py/graph.py: a `"self"` tree, Django's Place/Restaurant with the restaurant's key
 * as its primary key, `to_field`, a nullable one-to-one, keys with `default=`, every `on_delete`
 * counted as Django's collector counts it, symmetrical and one-way `"self"` links, `through=`
 * models, declared primary keys and abstract bases, and the batching rule for 3 and 30 parents.
 * The expected results are Django's, written out by hand.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { projectFile } from "../src/paths.js";
import { testDatabase, type TestDatabase } from "./support/databases.js";
import { TestPlayground } from "./support/playground.js";

const graph = projectFile("test", "models-py", "graph.py");

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("relation options of a models.py", () => {
  let playground: TestPlayground;
  let database: TestDatabase;

  before(async () => {
    database = await testDatabase();
    playground = await TestPlayground.start({ models: graph, databaseUrl: database.url });
    // Place 1 is the default harbour of every boat.
    await data('mutation { createPlace(input: { name: "Home" }) { id } }');
  });
  after(async () => {
    await playground.close();
    await database.drop();
  });

  async function data(query: string, variables?: Data): Promise<Data> {
    const response = await playground.post({ query, variables });
    assert.equal(response.errors, undefined, response.errors?.map((error) => error.message).join("; "));
    return response.data!;
  }

  async function refusal(query: string, variables?: Data) {
    const response = await playground.post({ query, variables });
    assert.ok(response.errors?.length, `expected an error, got ${JSON.stringify(response.data)}`);
    return { code: response.errors[0]!.extensions?.code, message: response.errors[0]!.message };
  }

  async function statements(query: string, variables?: Data): Promise<number> {
    const response = await playground.post({ query, variables }, { trace: true });
    assert.equal(response.errors, undefined, response.errors?.map((error) => error.message).join("; "));
    return response.sql!.count;
  }

  async function create(model: string, input: string): Promise<string> {
    const created = await data(`mutation { create${model}(input: { ${input} }) { id } }`);
    return created[`create${model}`].id as string;
  }

  test('a ForeignKey to "self": a tree read both ways, filtered, and deleted by cascade', async () => {
    const root = await create("Folder", 'name: "root"');
    const docs = await create("Folder", `name: "docs", parentId: ${root}`);
    await create("Folder", `name: "src", parentId: ${root}`);
    const drafts = await create("Folder", `name: "drafts", parentId: ${docs}`);
    assert.deepEqual(
      await data(
        `query($root: ID!) { folder(id: $root) { name parent { name } childrenCount
             children { name parent { name } children { name } } } }`,
        { root },
      ),
      {
        folder: {
          name: "root",
          parent: null,
          childrenCount: 2,
          children: [
            { name: "docs", parent: { name: "root" }, children: [{ name: "drafts" }] },
            { name: "src", parent: { name: "root" }, children: [] },
          ],
        },
      },
    );
    assert.deepEqual(await data('{ folders(where: { parent: { parent: { name: { eq: "root" } } } }) { name } }'), {
      folders: [{ name: "drafts" }],
    });
    const { deleteFolder } = await data(
      `mutation { deleteFolder(id: ${root}) { total perModel { model count } deleted { model ids } } }`,
    );
    assert.equal(deleteFolder.total, 4);
    assert.deepEqual(deleteFolder.perModel, [{ model: "Folder", count: 4 }]);
    assert.ok(deleteFolder.deleted[0].ids.includes(drafts));
    assert.deepEqual(await data("{ foldersCount }"), { foldersCount: 0 });
  });

  test("a OneToOneField(primary_key=True): the restaurant's id is its place's id", async () => {
    const place = await create("Place", 'name: "Corner"');
    const created = await data(
      `mutation { createRestaurant(input: { placeId: ${place}, rating: 4 }) { id place { id name } } }`,
    );
    assert.deepEqual(created.createRestaurant, { id: place, place: { id: place, name: "Corner" } });
    assert.deepEqual(await data(`{ place(id: ${place}) { restaurant { id rating } } }`), {
      place: { restaurant: { id: place, rating: 4 } },
    });
    assert.deepEqual(
      await refusal(`mutation { createRestaurant(input: { placeId: ${place} }) { id } }`).then((r) => r.code),
      "CONFLICT",
    );
    const { __type } = await data('{ __type(name: "UpdateRestaurantInput") { inputFields { name } } }');
    assert.deepEqual(__type.inputFields, [{ name: "rating" }]);
    const [row] = await playground.rows<{ place_id: number }>(`SELECT place_id FROM restaurant`);
    assert.equal(String(row!.place_id), place);
    assert.deepEqual(await data(`mutation { deletePlace(id: ${place}) { total perModel { model count } } }`), {
      deletePlace: {
        total: 2,
        perModel: [
          { model: "Restaurant", count: 1 },
          { model: "Place", count: 1 },
        ],
      },
    });
  });

  test("a declared BigAutoField is the API's id, under its own column; to_field keys hold the field's value", async () => {
    const place = await create("Place", 'name: "Central"');
    await data(`mutation { createRestaurant(input: { placeId: ${place} }) { id } }`);
    const ann = await data(
      `mutation { createWaiter(input: { name: "Ann", restaurantId: ${place}, workplaceId: "Central" }) {
           id workplace { id name } restaurant { id } } }`,
    );
    assert.deepEqual(ann.createWaiter.workplace, { id: place, name: "Central" });
    const [row] = await playground.rows<{ code: number; workplace_id: string }>(
      "SELECT code, workplace_id FROM waiter",
    );
    assert.deepEqual([String(row!.code), row!.workplace_id], [ann.createWaiter.id, "Central"]);
    assert.deepEqual(
      await data(
        `{ a: waiters(where: { workplaceId: { eq: "Central" } }) { name }
             b: waiters(where: { workplace: { name: { eq: "Central" } }, id: { eq: ${ann.createWaiter.id} } }) { name }
             c: places(where: { staff: { some: { name: { eq: "Ann" } } } }) {
               name staff { name } staffCount staffConnection(first: 1) { totalCount nodes { name } } } }`,
      ),
      {
        a: [{ name: "Ann" }],
        b: [{ name: "Ann" }],
        c: [
          {
            name: "Central",
            staff: [{ name: "Ann" }],
            staffCount: 1,
            staffConnection: { totalCount: 1, nodes: [{ name: "Ann" }] },
          },
        ],
      },
    );
    const missing = await refusal(
      `mutation { createWaiter(input: { name: "Bob", restaurantId: ${place}, workplaceId: "Nowhere" }) { id } }`,
    );
    assert.equal(missing.code, "NOT_FOUND");
    assert.match(missing.message, /Place Nowhere does not exist/);
    const { node } = await data(`query($nodeId: ID!) { node(nodeId: $nodeId) { ... on Waiter { id name } } }`, {
      nodeId: (await data(`{ waiter(id: ${ann.createWaiter.id}) { nodeId } }`)).waiter.nodeId,
    });
    assert.deepEqual(node, { id: ann.createWaiter.id, name: "Ann" });
  });

  test("a nullable OneToOneField: several rows without one, one row per target, SET_NULL when it goes", async () => {
    const place = await create("Place", 'name: "Quay"');
    await data(`mutation { createRestaurant(input: { placeId: ${place} }) { id } }`);
    const waiter = await create("Waiter", `name: "Cid", restaurantId: ${place}, workplaceId: "Quay"`);
    await create("Badge", "number: 1");
    await create("Badge", "number: 2");
    const badge = await create("Badge", `number: 3, waiterId: ${waiter}`);
    assert.equal(
      (await refusal(`mutation { createBadge(input: { number: 4, waiterId: ${waiter} }) { id } }`)).code,
      "CONFLICT",
    );
    assert.deepEqual(await data(`{ waiter(id: ${waiter}) { badge { number } } }`), {
      waiter: { badge: { number: 3 } },
    });
    assert.deepEqual(await data(`mutation { deleteWaiter(id: ${waiter}) { total perModel { model count } } }`), {
      deleteWaiter: { total: 1, perModel: [{ model: "Waiter", count: 1 }] },
    });
    assert.deepEqual(await data(`{ badge(id: ${badge}) { number waiter { name } } }`), {
      badge: { number: 3, waiter: null },
    });
  });

  test("RESTRICT refuses unless the cascade deletes the restricting rows; DO_NOTHING refuses a key to a deleted row", async () => {
    const inn = await create("Place", 'name: "Inn"');
    const dock = await create("Place", 'name: "Dock"');
    await data(`mutation { createRestaurant(input: { placeId: ${inn} }) { id } }`);
    // Both work at the inn's restaurant; one of them is also placed at the dock.
    await create("Waiter", `name: "Dee", restaurantId: ${inn}, workplaceId: "Inn"`);
    const eve = await create("Waiter", `name: "Eve", restaurantId: ${inn}, workplaceId: "Dock"`);
    const before = await playground.contents();
    const restricted = await refusal(`mutation { deletePlace(id: ${dock}) { total } }`);
    assert.equal(restricted.code, "PROTECTED");
    assert.match(
      restricted.message,
      new RegExp(`Waiter ${eve} still refers to it through Waiter.workplace \\(on_delete=RESTRICT`),
    );
    const review = await create("Review", `text: "Fine", restaurantId: ${inn}`);
    const nothing = await refusal(`mutation { deletePlace(id: ${inn}) { total } }`);
    assert.equal(nothing.code, "PROTECTED");
    assert.match(nothing.message, /Review.restaurant \(on_delete=DO_NOTHING/);
    await data(`mutation { deleteReview(id: ${review}) { total } }`);
    assert.deepEqual({ ...(await playground.contents()), review: before.review }, before);
    // Dee restricts the inn, but the inn's restaurant takes her with it: Django allows that.
    assert.deepEqual(await data(`mutation { deletePlace(id: ${inn}) { total perModel { model count } } }`), {
      deletePlace: {
        total: 4,
        perModel: [
          { model: "Waiter", count: 2 },
          { model: "Restaurant", count: 1 },
          { model: "Place", count: 1 },
        ],
      },
    });
    assert.deepEqual(await data(`mutation { deletePlace(id: ${dock}) { total } }`), { deletePlace: { total: 1 } });
  });

  test("a key's default: taken when left out, and SET_DEFAULT points the rows at it", async () => {
    const ark = await data('mutation { createBoat(input: { name: "Ark" }) { harbour { id name } } }');
    assert.deepEqual(ark.createBoat, { harbour: { id: "1", name: "Home" } });
    const pier = await create("Place", 'name: "Pier"');
    const bee = await create("Boat", `name: "Bee", harbourId: ${pier}`);
    assert.deepEqual(await data(`mutation { deletePlace(id: ${pier}) { total perModel { model count } } }`), {
      deletePlace: { total: 1, perModel: [{ model: "Place", count: 1 }] },
    });
    assert.deepEqual(await data(`{ boat(id: ${bee}) { harbour { id name } } }`), {
      boat: { harbour: { id: "1", name: "Home" } },
    });
    const home = await refusal('mutation { deletePlace(id: "1") { total } }');
    assert.equal(home.code, "PROTECTED");
    assert.match(home.message, /on_delete=SET_DEFAULT, and its default Place 1 is deleted too/);
  });

  test('a symmetrical ManyToManyField("self") links both ways, and its links are counted when a row goes', async () => {
    const [a, b, c] = [
      await create("Person", 'name: "A"'),
      await create("Person", 'name: "B"'),
      await create("Person", 'name: "C"'),
    ];
    const friends = async () =>
      (
        await data(
          `query($ids: [ID!]) { people(where: { id: { in: $ids } }) { name friends { name } friendsCount friendsConnection(last: 1) { nodes { name } } } }`,
          { ids: [a, b, c] },
        )
      ).people;
    await data(`mutation { addPersonFriends(personId: ${a}, ids: [${b}, ${c}, ${b}]) { id } }`);
    await data(`mutation { addPersonFriends(personId: ${b}, ids: [${a}]) { id } }`);
    assert.deepEqual(await friends(), [
      {
        name: "A",
        friends: [{ name: "B" }, { name: "C" }],
        friendsCount: 2,
        friendsConnection: { nodes: [{ name: "C" }] },
      },
      { name: "B", friends: [{ name: "A" }], friendsCount: 1, friendsConnection: { nodes: [{ name: "A" }] } },
      { name: "C", friends: [{ name: "A" }], friendsCount: 1, friendsConnection: { nodes: [{ name: "A" }] } },
    ]);
    const links = await playground.rows("SELECT from_person_id, to_person_id FROM person_friends");
    assert.equal(links.length, 4);
    await data(`mutation { removePersonFriends(personId: ${b}, ids: [${a}]) { id } }`);
    await data(`mutation { setPersonFriends(personId: ${c}, ids: [${b}]) { id } }`);
    assert.deepEqual(await friends(), [
      { name: "A", friends: [], friendsCount: 0, friendsConnection: { nodes: [] } },
      { name: "B", friends: [{ name: "C" }], friendsCount: 1, friendsConnection: { nodes: [{ name: "C" }] } },
      { name: "C", friends: [{ name: "B" }], friendsCount: 1, friendsConnection: { nodes: [{ name: "B" }] } },
    ]);
    await data(`mutation { clearPersonFriends(personId: ${b}) { id } }`);
    assert.equal((await playground.rows("SELECT * FROM person_friends")).length, 0);
    await data(`mutation { addPersonFriends(personId: ${a}, ids: [${b}, ${c}]) { id } }`);
    assert.deepEqual(await data(`mutation { deletePerson(id: ${a}) { total perModel { model count } } }`), {
      deletePerson: {
        total: 5,
        perModel: [
          { model: "Person_friends", count: 4 },
          { model: "Person", count: 1 },
        ],
      },
    });
    const { __type } = await data('{ __type(name: "Person") { fields { name } } }');
    assert.ok(!__type.fields.some(({ name }: { name: string }) => name === "personSet"));
  });

  test("symmetrical=False with related_name: one way, read and linked from both sides", async () => {
    const [d, e, f] = [
      await create("Person", 'name: "D"'),
      await create("Person", 'name: "E"'),
      await create("Person", 'name: "F"'),
    ];
    await data(`mutation { addPersonFollows(personId: ${d}, ids: [${e}]) { id } }`);
    await data(`mutation { addPersonFollowers(personId: ${f}, ids: [${d}, ${e}]) { id } }`);
    assert.deepEqual(
      (
        await data(
          `query($ids: [ID!]) { people(where: { id: { in: $ids } }) { name follows { name } followers { name } } }`,
          { ids: [d, e, f] },
        )
      ).people,
      [
        { name: "D", follows: [{ name: "E" }, { name: "F" }], followers: [] },
        { name: "E", follows: [{ name: "F" }], followers: [{ name: "D" }] },
        { name: "F", follows: [], followers: [{ name: "D" }, { name: "E" }] },
      ],
    );
    assert.equal((await playground.rows("SELECT from_person_id, to_person_id FROM person_follows")).length, 3);
    assert.deepEqual(await data(`mutation { deletePerson(id: ${f}) { perModel { model count } } }`), {
      deletePerson: {
        perModel: [
          { model: "Person_follows", count: 2 },
          { model: "Person", count: 1 },
        ],
      },
    });
  });

  test("through= a model with a required field: its rows are the links; add and set are refused, remove and clear work", async () => {
    const club = await data('mutation { createClub(input: { name: "Chess" }) { id } }');
    const id = club.createClub.id as string;
    const [g, h] = [await create("Person", 'name: "G"'), await create("Person", 'name: "H"')];
    const before = await playground.contents();
    const refused = await refusal(`mutation { addClubMembers(clubId: ${id}, ids: [${g}]) { id } }`);
    assert.equal(refused.code, "BAD_USER_INPUT");
    assert.match(
      refused.message,
      /Membership\.joined has no default and may not be null\. Create the links with createMembership/,
    );
    assert.equal(
      (await refusal(`mutation { setPersonClubs(personId: ${g}, ids: [${id}]) { id } }`)).code,
      "BAD_USER_INPUT",
    );
    assert.deepEqual(await playground.contents(), before);
    for (const person of [g, h])
      await create("Membership", `personId: ${person}, clubId: ${id}, joined: "2024-01-0${person.length}"`);
    assert.deepEqual(
      await data(
        `{ club(id: ${id}) { name members { name } membersCount membershipSet { person { id } } } person(id: ${g}) { clubs { name } } }`,
      ),
      {
        club: {
          name: "Chess",
          members: [{ name: "G" }, { name: "H" }],
          membersCount: 2,
          membershipSet: [{ person: { id: g } }, { person: { id: h } }],
        },
        person: { clubs: [{ name: "Chess" }] },
      },
    );
    await data(`mutation { removeClubMembers(clubId: ${id}, ids: [${g}]) { id } }`);
    assert.deepEqual(await data(`{ club(id: ${id}) { members { name } } }`), { club: { members: [{ name: "H" }] } });
    const [row] = await playground.rows<{ number: number }>("SELECT number FROM club");
    assert.equal(String(row!.number), id);
    assert.deepEqual(await data(`mutation { deleteClub(id: ${id}) { total perModel { model count } } }`), {
      deleteClub: {
        total: 2,
        perModel: [
          { model: "Membership", count: 1 },
          { model: "Club", count: 1 },
        ],
      },
    });
  });

  test("through= a model whose other fields may be null, with through_fields: add, set, remove and clear write its rows", async () => {
    const team = await create("Team", 'name: "Reds"');
    const [i, j] = [await create("Person", 'name: "I"'), await create("Person", 'name: "J"')];
    await data(`mutation { addTeamPlayers(teamId: ${team}, ids: [${i}, ${j}]) { id } }`);
    await data(`mutation { addTeamPlayers(teamId: ${team}, ids: [${i}]) { id } }`);
    const linked = (await data(
      `{ rosters { team { id } player { id } coach { id } note role added } team(id: ${team}) { players { name } } person(id: ${j}) { teams { name } coached { id } } }`,
    )) as { rosters: Array<{ added?: string }> };
    // The time add() made each row at, checked for its form and then left out of the comparison.
    for (const roster of linked.rosters) {
      assert.match(roster.added!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      delete roster.added;
    }
    assert.deepEqual(linked, {
      rosters: [
        { team: { id: team }, player: { id: i }, coach: null, note: null, role: "player" },
        { team: { id: team }, player: { id: j }, coach: null, note: null, role: "player" },
      ],
      team: { players: [{ name: "I" }, { name: "J" }] },
      person: { teams: [{ name: "Reds" }], coached: [] },
    });
    await data(`mutation { setPersonTeams(personId: ${i}, ids: []) { id } }`);
    assert.deepEqual(await data(`{ team(id: ${team}) { players { name } } }`), {
      team: { players: [{ name: "J" }] },
    });
    await data(`mutation { addPersonTeams(personId: ${i}, ids: [${team}]) { id } }`);
    assert.deepEqual(await data(`mutation { deleteTeam(id: ${team}) { total perModel { model count } } }`), {
      deleteTeam: {
        total: 3,
        perModel: [
          { model: "Roster", count: 2 },
          { model: "Team", count: 1 },
        ],
      },
    });
  });

  test('a one-way "self" link through= a model with two keys to it, picked by through_fields', async () => {
    const [m, r, t] = [
      await create("Employee", 'name: "M"'),
      await create("Employee", 'name: "R"'),
      await create("Employee", 'name: "T"'),
    ];
    await data(`mutation { addEmployeeReports(employeeId: ${m}, ids: [${r}, ${t}]) { id } }`);
    await data(`mutation { addEmployeeManagers(employeeId: ${t}, ids: [${r}, ${m}]) { id } }`);
    assert.deepEqual(
      (await data(`{ employees { name reports { name } managers { name } reportLinks { report { name } } } }`))
        .employees,
      [
        {
          name: "M",
          reports: [{ name: "R" }, { name: "T" }],
          managers: [],
          reportLinks: [{ report: { name: "R" } }, { report: { name: "T" } }],
        },
        { name: "R", reports: [{ name: "T" }], managers: [{ name: "M" }], reportLinks: [{ report: { name: "T" } }] },
        { name: "T", reports: [], managers: [{ name: "M" }, { name: "R" }], reportLinks: [] },
      ],
    );
    assert.deepEqual(await data(`mutation { deleteEmployee(id: ${r}) { total perModel { model count } } }`), {
      deleteEmployee: {
        total: 3,
        perModel: [
          { model: "Reporting", count: 2 },
          { model: "Employee", count: 1 },
        ],
      },
    });
    assert.deepEqual(await data("{ reportings { manager { name } report { name } } }"), {
      reportings: [{ manager: { name: "M" }, report: { name: "T" } }],
    });
  });

  describe("batching: 3 and 30 parents cost the same statements, one per level", () => {
    before(async () => {
      for (let n = 0; n < 30; n++) {
        const root = await create("Folder", `name: "tree ${n}"`);
        await create("Folder", `name: "leaf ${n}", parentId: ${root}`);
        const place = await create("Place", `name: "spot ${n}"`);
        await data(`mutation { createRestaurant(input: { placeId: ${place} }) { id } }`);
        await create("Waiter", `name: "waiter ${n}", restaurantId: ${place}, workplaceId: "spot ${n}"`);
        const team = await create("Team", `name: "team ${n}"`);
        const person = await create("Person", `name: "player ${n}"`);
        await data(`mutation { addTeamPlayers(teamId: ${team}, ids: [${person}]) { id } }`);
        await data(`mutation { addPersonFriends(personId: ${person}, ids: [${person}]) { id } }`);
      }
    });

    for (const [what, query, levels] of [
      [
        'a ForeignKey to "self"',
        // Each child's parent is one of the folders the root list read: it costs no statement.
        `query($limit: Int) { folders(where: { parentId: { isNull: true } }, limit: $limit) { children { name parent { name } } childrenCount } }`,
        3,
      ],
      [
        "a primary-key one-to-one and a to_field key",
        // Each restaurant's place comes in the root list's statement, by a join.
        `query($limit: Int) { restaurants(limit: $limit) { place { name } waiters(limit: 5) { workplace { staffCount } } } }`,
        4,
      ],
      [
        "a through= link and a symmetrical link",
        `query($limit: Int) { teams(limit: $limit) { players(limit: 5) { friends(limit: 5) { name } teams(limit: 5) { name } } } }`,
        4,
      ],
    ] as const) {
      test(what, async () => {
        const three = await statements(query, { limit: 3 });
        const thirty = await statements(query, { limit: 30 });
        assert.equal(three, levels);
        assert.equal(thirty, levels);
        const batched = await playground.post({ query, variables: { limit: 3 } });
        const unbatched = await playground.post({ query, variables: { limit: 3 } }, { batching: false });
        assert.equal(unbatched.errors, undefined);
        assert.deepEqual(unbatched.data, batched.data);
      });
    }
  });
});
