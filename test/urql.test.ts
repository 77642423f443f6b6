/**
 * urql's client as a frontend creates it, with its defaults: queries go as GET (with no header
 * that forces a preflight), mutations as POST with JSON, and both are served.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Client, cacheExchange, fetchExchange, gql } from "@urql/core";
import { TestPlayground } from "./support/playground.js";

let playground: TestPlayground;
before(async () => (playground = await TestPlayground.start()));
after(() => playground.close());

test("urql's default client reads over GET and writes over POST", async () => {
  const methods: string[] = [];
  const client = new Client({
    url: playground.url,
    exchanges: [cacheExchange, fetchExchange],
    // The default fetch, watched: the defaults are what is under test.
    fetch: (input, init) => {
      methods.push(init?.method ?? "GET");
      return fetch(input, init);
    },
  });
  const person = await client
    .query(
      gql`
        query Person($id: ID!) {
          person(id: $id) {
            id
            name
          }
        }
      `,
      { id: "1" },
    )
    .toPromise();
  assert.equal(person.error, undefined);
  assert.deepEqual(person.data, { person: { __typename: "Person", id: "1", name: "John" } });

  const created = await client
    .mutation(
      gql`
        mutation Tag($name: String!) {
          createTag(input: { name: $name }) {
            id
            name
          }
        }
      `,
      { name: "urql" },
    )
    .toPromise();
  assert.equal(created.error, undefined);
  assert.equal(created.data.createTag.name, "urql");
  assert.deepEqual(methods, ["GET", "POST"]);
  assert.equal((await playground.rows("SELECT name FROM tag WHERE name = 'urql'")).length, 1);
});
