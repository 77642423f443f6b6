/**
 * The IDE in a real browser: Debian's `chromium` (`apt-get install chromium`; CI installs it)
 * driven by playwright-core, which downloads no browser of its own. Launch flags:
 *
 *   --headless --no-sandbox --disable-gpu
 *       no display, root in a container (no user namespaces for the sandbox), no GPU;
 *   --disable-quic --no-first-run --disable-background-networking --disable-component-update
 *   --disable-sync
 *       no traffic of the browser's own (updates, sync, field trials, first-run pages);
 *   a fresh profile in a temporary folder (Playwright's `userDataDir`, its form of
 *   `--user-data-dir`), so no history or Ruru settings carry over between runs.
 *
 * Every request outside loopback is aborted and recorded, and the test fails if the page made
 * any: the IDE must work offline. Without chromium the test is skipped, except under CI=true.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { projectFile } from "../src/paths.js";
import { TestPlayground } from "./support/playground.js";
import { explainText, testEngine } from "./support/databases.js";

const executablePath = "/usr/bin/chromium";
const launchFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const skip = !existsSync(executablePath) && !process.env.CI ? `no ${executablePath}: apt-get install chromium` : false;

const loopback = new Set(["127.0.0.1", "localhost", "[::1]"]);
// Pages small enough that, unbatched, it stays under MAX_STATEMENTS.
const query =
  "{ manufacturers(limit: 10) { name carSet(limit: 10) { modelName registrationCertificate { number } } } }";

let playground: TestPlayground;
let profile: string;
let browser: BrowserContext;
let page: Page;
const outside: string[] = [];

before(async () => {
  if (skip) return;
  playground = await TestPlayground.start();
  profile = mkdtempSync(join(tmpdir(), "playground-chromium-"));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: launchFlags,
    viewport: { width: 1440, height: 900 },
  });
  await browser.route("**/*", (route) => {
    if (loopback.has(new URL(route.request().url()).hostname)) return route.continue();
    outside.push(route.request().url());
    return route.abort("internetdisconnected");
  });
  page = browser.pages()[0] ?? (await browser.newPage());
});

after(async () => {
  if (skip) return;
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
  await playground.close();
});

/** The text Monaco shows in one of Ruru's editors, with its non-breaking spaces made plain. */
async function editorText(selector: string): Promise<string> {
  const text = await page.locator(`${selector} .view-lines`).first().innerText();
  return text.replace(/\u00a0/g, " ");
}

/** Runs the editor's query and waits for the SQL panel to report its statements. */
async function run(): Promise<string> {
  await page.locator("#playground-sql-count").evaluate((element) => (element.textContent = ""));
  await page.getByRole("button", { name: /Execute query/ }).click();
  await page
    .locator("#playground-sql-count")
    .filter({ hasText: /statement/ })
    .waitFor();
  return (await page.locator("#playground-sql-count").textContent())!;
}

test(
  "the README's URL opens an IDE that runs a query offline, with its SQL, the N+1 switch and the explain panel",
  { skip },
  async () => {
    await page.goto(playground.url);
    const editor = page.locator(".graphiql-query-editor .monaco-editor").first();
    await editor.waitFor();
    // Completion needs the schema, so this also shows that introspection went through.
    await editor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText("{ manufa");
    await page.keyboard.press("Control+Space");
    await page.locator(".suggest-widget .monaco-list-row", { hasText: "manufacturers" }).first().waitFor();
    await page.keyboard.press("Escape");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete");
    // Typed key by key, as a person would: Monaco types over the braces it closed itself.
    await page.keyboard.type(query);
    await page.keyboard.press("Escape");
    // Monaco's closing braces, typed over or not as its suggestions come and go, can move a
    // space beside a brace, which changes nothing in the document.
    const spacing = (text: string) => text.replace(/\s*([{}()])\s*/g, "$1").replace(/\s+/g, " ");
    assert.equal(spacing(await editorText(".graphiql-query-editor")), spacing(query));

    const batched = await run();
    const result = await editorText(".graphiql-response");
    assert.match(result, /"name": "Toyota"/);
    assert.match(result, /"modelName": "Camry"/);
    assert.doesNotMatch(result, /"sql"|SELECT/);
    const server = await playground.post({ query }, { trace: true });
    assert.equal(batched, `${server.sql!.count} statements, batched by DataLoader`);
    assert.equal(server.sql!.count, 3);
    const statements = await page.locator("#playground-sql-statements pre").allInnerTexts();
    assert.equal(statements.length, 3);
    // Shown as SQL, one clause a line, not as an escaped JSON string.
    assert.match(statements[0]!, /^SELECT t\."id" AS "id", t\."name" AS "name"\nFROM "manufacturer" t\n/);
    assert.doesNotMatch(statements.join(""), /\\"/);

    await page.locator("#playground-batching").uncheck();
    const unbatched = await run();
    const serverUnbatched = await playground.post({ query }, { trace: true, batching: false });
    assert.ok(serverUnbatched.sql!.count > 3);
    assert.equal(unbatched, `${serverUnbatched.sql!.count} statements, batching off: one query per parent`);
    await page.locator("#playground-batching").check();
    await page.getByRole("button", { name: /Prettify query/i }).click();
    await editor.click();
    await page.keyboard.press("Control+Home");
    await run();
    // Before the explain panel opens: its statement times would make every run's picture differ.
    // The README's picture is of the default engine; another engine's SQL would change it.
    const screenshot = testEngine === "sqlite" ? projectFile("docs", "ide.png") : join(tmpdir(), "playground-ide.png");
    mkdirSync(dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot });

    // Ruru sends X-GraphQL-Explain with every query; its panel lists what came back.
    await page.getByRole("button", { name: "Show Explain" }).click();
    const explain = page.locator(".graphiql-plugin");
    const steps = await explain.locator("select option").allInnerTexts();
    assert.deepEqual(
      steps.map((title) => title.replace(/ · [\d.]+ ms$/, "")),
      ["manufacturers", "Manufacturer.carSet", "Car.registrationCertificate"],
    );
    await explain.locator("select").selectOption({ index: 1 });
    assert.match(await explain.locator(".explain-sql").innerText(), explainText[testEngine].keys);
    assert.match(await explain.locator(".explain-plan").innerText(), explainText[testEngine].plan);
    assert.deepEqual(outside, []);
  },
);

test("the page links Apollo Sandbox to this endpoint and shows the models", { skip }, async () => {
  const sandbox = new URL((await page.locator("#playground-sandbox").getAttribute("href"))!);
  assert.equal(sandbox.origin + sandbox.pathname, "https://studio.apollographql.com/sandbox/explorer");
  assert.equal(sandbox.searchParams.get("endpoint"), playground.url);
  await page.getByRole("button", { name: "Models" }).click();
  const models = page.locator("#playground-models");
  await models.getByRole("heading", { name: "course_students" }).waitFor();
  assert.match(await models.innerText(), /student\.courseSet \(reverse of course\.students\)/);
  await models.getByRole("button", { name: "Close" }).click();
  assert.equal(await models.isVisible(), false);
});

test("a query in the address bar opens in the editor", { skip }, async () => {
  const addressBarQuery = '{ person(id: "1") { name } }';
  await page.goto(`${playground.url}?query=${encodeURIComponent(addressBarQuery)}`);
  await page.locator(".graphiql-query-editor .view-lines", { hasText: "person" }).first().waitFor();
  assert.equal(await editorText(".graphiql-query-editor"), addressBarQuery);
  await run();
  assert.match(await editorText(".graphiql-response"), /"name": "John"/);
  assert.deepEqual(outside, []);
});
