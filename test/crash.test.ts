/**
 * The real server (`node dist/src/bin/start.js`) as a child process on a database file: killed
 * with SIGKILL in the middle of a stream of writes it loses none it acknowledged, and the file
 * stays sound; stopped with SIGTERM it answers the requests in flight and exits cleanly.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, test } from "node:test";
import Database from "better-sqlite3";
import { print } from "graphql";
import { AuthorsWithIdsDocument, WriteAuthorDocument } from "./generated/operations.js";
import { databaseProblems } from "./support/fuzz.js";

const startScript = fileURLToPath(new URL("../src/bin/start.js", import.meta.url));
const directory = mkdtempSync(join(tmpdir(), "playground-crash-"));
after(() => rmSync(directory, { recursive: true, force: true }));

interface ServerProcess {
  child: ChildProcess;
  url: string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the server on `file` and waits for the line that tells its URL. */
async function startServer(file: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, [startScript], {
    env: { ...process.env, DATABASE_URL: `sqlite:${file}`, PORT: "0", HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exit = once(child, "exit").then(([code, signal]) => ({ code, signal }) as Awaited<ServerProcess["exit"]>);
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /GraphQL playground ready at (\S+)/.exec(output);
      if (ready) resolve(ready[1]!);
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    void exit.then(({ code, signal }) =>
      reject(new Error(`server exited (${code ?? signal}) before it was ready:\n${output}`)),
    );
  });
  return { child, url, exit };
}

async function graphql<TData>(url: string, query: string, variables: unknown): Promise<TData> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: TData; errors?: unknown };
  if (response.status !== 200 || !body.data) throw new Error(`${response.status}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The file's integrity and foreign key problems, and its authors' names by id. */
async function inspectFile(file: string) {
  const database = new Database(file);
  try {
    const authors = database.prepare("SELECT id, name FROM author").all() as Array<{ id: number; name: string }>;
    return {
      problems: await databaseProblems((sql) => database.prepare(sql).all()),
      authorNames: new Map(authors.map((row) => [String(row.id), row.name])),
    };
  } finally {
    database.close();
  }
}

test("after kill -9 in the middle of a stream of writes, every acknowledged write is in the file", async (t) => {
  const file = join(directory, "killed.sqlite");
  const server = await startServer(file);
  const createAuthor = print(WriteAuthorDocument);
  const acknowledged = new Map<string, string>();
  const killAfter = 150;
  let sent = 0;
  // Four clients write at once, so that the kill lands with requests in flight.
  const writer = async (client: number) => {
    for (let i = 0; i < 1000 && server.child.exitCode === null && server.child.signalCode === null; i++) {
      const name = `Crash ${client}.${i}`;
      sent++;
      try {
        const { createAuthor: author } = await graphql<{ createAuthor: { id: string } }>(server.url, createAuthor, {
          name,
        });
        acknowledged.set(author.id, name);
      } catch {
        return;
      }
      if (acknowledged.size === killAfter) server.child.kill("SIGKILL");
    }
  };
  await Promise.all([0, 1, 2, 3].map(writer));
  assert.equal((await server.exit).signal, "SIGKILL");
  assert.ok(acknowledged.size >= killAfter, `only ${acknowledged.size} writes were acknowledged`);

  const afterCrash = await inspectFile(file);
  assert.deepEqual(afterCrash.problems, []);
  for (const [id, name] of acknowledged) assert.equal(afterCrash.authorNames.get(id), name, `author ${id}`);
  const streamed = [...afterCrash.authorNames.values()].filter((name) => name.startsWith("Crash ")).length;
  t.diagnostic(`${sent} writes sent, ${acknowledged.size} acknowledged, ${streamed} found in the file after the kill`);

  const restarted = await startServer(file);
  const { authors } = await graphql<{ authors: Array<{ id: string; name: string }> }>(
    restarted.url,
    print(AuthorsWithIdsDocument),
    { ids: [...acknowledged.keys()] },
  );
  assert.deepEqual(new Map(authors.map((author) => [author.id, author.name])), acknowledged);
  restarted.child.kill("SIGTERM");
  assert.equal((await restarted.exit).code, 0);
});

test("SIGTERM answers the requests in flight, closes the database and exits with 0", async () => {
  const file = join(directory, "stopped.sqlite");
  const server = await startServer(file);
  const names = ["Last words 1", "Last words 2", "Last words 3"];
  // `expect: 100-continue` makes the server confirm it has taken each request before the
  // signal is sent; the bodies follow after it, so the requests are certainly in flight.
  const inFlight = names.map((name) => {
    const body = JSON.stringify({ query: print(WriteAuthorDocument), variables: { name } });
    const request = httpRequest(server.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        expect: "100-continue",
      },
    });
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request.on("response", async (incoming) => {
        let text = "";
        for await (const chunk of incoming) text += chunk;
        resolve({ status: incoming.statusCode!, body: text });
      });
      request.on("error", reject);
    });
    return { request, body, response, accepted: once(request, "continue") };
  });
  await Promise.all(inFlight.map(({ accepted }) => accepted));
  server.child.kill("SIGTERM");
  for (const { request, body } of inFlight) request.end(body);

  for (const [i, { response }] of inFlight.entries()) {
    const { status, body } = await response;
    assert.equal(status, 200);
    assert.equal((JSON.parse(body) as { data: { createAuthor: { name: string } } }).data.createAuthor.name, names[i]);
  }
  assert.deepEqual(await server.exit, { code: 0, signal: null });
  const afterStop = await inspectFile(file);
  assert.deepEqual(afterStop.problems, []);
  for (const name of names) assert.ok([...afterStop.authorNames.values()].includes(name), name);
});
