/**
 * The README's worked example of "Your own models": its models.py is the committed
 * examples/blog/models.py, and each of its operations, sent to a server of that file seeded
 * with examples/blog/fixtures.json, answers the JSON printed below it.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { projectFile } from "../src/paths.js";
import { TestPlayground } from "./support/playground.js";

const models = projectFile("examples", "blog", "models.py");

function workedExample(): string {
  const readme = readFileSync(projectFile("README.md"), "utf8");
  const section = readme.split(/^## /m).find((part) => part.startsWith("Your own models\n"));
  const example = section?.split(/^### /m).find((part) => part.startsWith("A worked example\n"));
  assert.ok(example, 'README.md needs "### A worked example" under "## Your own models"');
  return example;
}

function blocks(text: string, language: string): string[] {
  return [...text.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, "gm"))].map((match) => match[1]!);
}

let playground: TestPlayground;
before(async () => {
  playground = await TestPlayground.start({ models, fixtures: projectFile("examples", "blog", "fixtures.json") });
});
after(() => playground.close());

test("the README shows examples/blog/models.py as it is committed", () => {
  assert.deepEqual(blocks(workedExample(), "python"), [readFileSync(models, "utf8")]);
});

test("each of the README's operations answers what the README prints below it", async () => {
  const example = workedExample();
  const operations = blocks(example, "graphql");
  const answers = blocks(example, "json").map((json) => JSON.parse(json) as unknown);
  assert.equal(operations.length, 3);
  assert.equal(answers.length, operations.length);
  for (const [i, query] of operations.entries()) {
    const response = await playground.post({ query }, { trace: true });
    // The README shows each error's message and code; its other extensions are left out there.
    const shown = response.errors
      ? {
          errors: response.errors.map(({ message, extensions }) => ({
            message,
            extensions: { code: extensions?.code },
          })),
          data: response.data,
        }
      : { data: response.data };
    assert.deepEqual(shown, answers[i], query);
    if (i === 0) assert.equal(response.sql!.count, 2, "the posts with their authors, then the tags");
  }
  assert.equal((await playground.rows("SELECT id FROM post")).length, 4, "the refused create wrote nothing");
});
