/**
 * A models file's `Meta` served over HTTP on the engine under test: `ordering` (also across
 * relations and descending) is the order of every list and connection without `orderBy`, root
 * and nested, `id` breaking ties; `unique_together` and `UniqueConstraint` are unique indexes,
 * and a create or update that would break one is CONFLICT in Django's words, nothing written.
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { projectFile } from "../src/paths.js";
import { TestPlayground } from "./support/playground.js";

let playground: TestPlayground;
before(async () => {
  playground = await TestPlayground.start({
    models: projectFile("test", "models-py", "meta.py"),
    fixtures: projectFile("test", "fixtures", "meta-dumpdata.json"),
  });
});
after(() => playground.close());

async function data(query: string, variables?: unknown) {
  const response = await playground.post({ query, variables });
  assert.equal(response.errors, undefined, JSON.stringify(response.errors));
  return response.data!;
}

const titles = (rows: unknown) => (rows as Array<{ title: string }>).map((row) => row.title);

describe("Meta.ordering", () => {
  test("orders a root list, descending and across one or two relations, with NULL first and id breaking ties", async () => {
    const { publishers, magazines, issues } = await data("{ publishers { name } magazines { title } issues { id } }");
    assert.deepEqual(publishers, [{ name: "Zeta" }, { name: "Mid" }, { name: "Alpha" }]);
    assert.deepEqual(titles(magazines), ["Orphan", "Daily", "Monthly", "Quarterly", "Weekly"]);
    assert.deepEqual(
      (issues as Array<{ id: string }>).map((issue) => issue.id),
      ["4", "2", "5", "3", "1"],
    );
  });

  test("orders nested lists of every kind, still one statement per level", async () => {
    const response = await playground.post(
      {
        query: `{
          publishers { name magazines(limit: 5) { title } }
          readers { subscriptions(limit: 5) { title } }
          magazines(where: { title: { eq: "Weekly" } }) { issueSet(limit: 5) { number } }
        }`,
      },
      { trace: true },
    );
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    assert.deepEqual(response.data, {
      publishers: [
        { name: "Zeta", magazines: [{ title: "Weekly" }] },
        { name: "Mid", magazines: [] },
        { name: "Alpha", magazines: [{ title: "Daily" }, { title: "Monthly" }, { title: "Quarterly" }] },
      ],
      readers: [{ subscriptions: [{ title: "Daily" }, { title: "Monthly" }, { title: "Weekly" }] }],
      magazines: [{ issueSet: [{ number: 1 }, { number: 2 }] }],
    });
    assert.equal(response.sql!.count, 6);
  });

  test("one that names a relation orders by the related model's own, reversed by a '-'", async () => {
    const { stands } = await data("{ stands { id magazine { title } } }");
    assert.deepEqual(
      (stands as Array<{ magazine: { title: string } }>).map((stand) => stand.magazine.title),
      ["Weekly", "Monthly", "Quarterly", "Daily", "Orphan"],
    );
  });

  test("an explicit orderBy replaces it, and an empty one orders by id alone", async () => {
    const { byTitle, byId } = await data(
      "{ byTitle: magazines(orderBy: [{ title: ASC }]) { title } byId: magazines(orderBy: []) { title } }",
    );
    assert.deepEqual(titles(byTitle), ["Daily", "Monthly", "Orphan", "Quarterly", "Weekly"]);
    assert.deepEqual(titles(byId), ["Weekly", "Daily", "Monthly", "Orphan", "Quarterly"]);
  });

  test("orders connections and pages them with cursors through the whole list, both ways", async () => {
    const page = `query($after: String) {
      magazinesConnection(first: 2, after: $after) { nodes { title } pageInfo { hasNextPage endCursor } }
    }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 5; pages++) {
      const { magazinesConnection } = (await data(page, { after })) as {
        magazinesConnection: { nodes: Array<{ title: string }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
      };
      seen.push(...titles(magazinesConnection.nodes));
      if (!magazinesConnection.pageInfo.hasNextPage) break;
      after = magazinesConnection.pageInfo.endCursor;
    }
    assert.deepEqual(seen, ["Orphan", "Daily", "Monthly", "Quarterly", "Weekly"]);
    const { last, nested } = await data(`{
      last: magazinesConnection(last: 2) { nodes { title } }
      nested: publishers(limit: 5) { magazinesConnection(first: 2) { nodes { title } } }
    }`);
    assert.deepEqual(titles((last as { nodes: unknown }).nodes), ["Quarterly", "Weekly"]);
    assert.deepEqual(
      (nested as Array<{ magazinesConnection: { nodes: unknown } }>).map((each) =>
        titles(each.magazinesConnection.nodes),
      ),
      [["Weekly"], [], ["Daily", "Monthly"]],
    );
  });
});

describe("Meta.unique_together and UniqueConstraint", () => {
  const create = `mutation($title: String!, $publisher: ID) {
    createMagazine(input: { title: $title, issues: 1, publisherId: $publisher }) { id }
  }`;

  async function conflict(query: string, variables: unknown) {
    const before = await playground.contents();
    const response = await playground.post({ query, variables });
    assert.equal(response.errors?.length, 1, JSON.stringify(response));
    assert.deepEqual(await playground.contents(), before);
    return response.errors![0]!;
  }

  test("a create that repeats a set is CONFLICT naming its fields as Django does, and writes nothing", async () => {
    const error = await conflict(create, { title: "Daily", publisher: "1" });
    assert.equal(error.extensions?.code, "CONFLICT");
    assert.match(error.message, /^Magazine with this Publisher and Title already exists \(Magazine 2\)/);
    assert.deepEqual(error.extensions?.fields, ["publisherId", "title"]);
    const constraint = await conflict(
      'mutation { createIssue(input: { magazineId: "1", number: 2, headline: "again" }) { id } }',
      {},
    );
    assert.equal(constraint.extensions?.code, "CONFLICT");
    assert.match(constraint.message, /^Issue with this Magazine and Issue number already exists \(Issue 1\)/);
  });

  test("the same title under another publisher, or under none twice (NULL never repeats), is no conflict", async () => {
    assert.ok(await data(create, { title: "Daily", publisher: "2" }));
    assert.ok(await data(create, { title: "Orphan", publisher: null }));
  });

  test("an update is checked against the row's values after it; keeping its own values is no conflict", async () => {
    const update = `mutation($id: ID!, $input: UpdateMagazineInput!) { updateMagazine(id: $id, input: $input) { title } }`;
    const error = await conflict(update, { id: "3", input: { title: "Quarterly" } });
    assert.equal(error.extensions?.code, "CONFLICT");
    const moved = await conflict(update, { id: "1", input: { publisherId: "1", title: "Monthly" } });
    assert.match(moved.message, /Magazine 3/);
    assert.deepEqual(await data(update, { id: "2", input: { title: "Daily", publisherId: "1" } }), {
      updateMagazine: { title: "Daily" },
    });
  });

  test("the database holds the rule as a unique index too", async () => {
    await assert.rejects(
      playground.exec(`INSERT INTO "issue" ("magazine_id", "number", "headline") VALUES (1, 2, 'raw')`),
    );
    await assert.rejects(
      playground.exec(`INSERT INTO "magazine" ("title", "issues", "publisher_id") VALUES ('Weekly', 1, 2)`),
    );
  });
});
