/**
 * Connections, as a server on an open port meets them: sockets that say nothing, bodies that
 * never end, and a port someone else holds. The idle timeout is set small here; each test's own
 * timeout is far above it and far below Node's defaults (60 s for headers, 300 s for a request),
 * so a server that kept those defaults would fail rather than pass late.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { connect, createServer, type AddressInfo, type Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import { configFromEnv } from "../src/server/config.js";
import { TestPlayground } from "./support/playground.js";

/** Opens a socket that sends `text` (nothing when empty) and resolves with what it was answered when closed. */
function rawSocket(url: string, text = ""): { socket: Socket; closed: Promise<string> } {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname, () => {
    if (text) socket.write(text);
  });
  let answer = "";
  socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
  socket.on("error", () => {});
  return { socket, closed: once(socket, "close").then(() => answer) };
}

describe("IDLE_TIMEOUT_MS", () => {
  let playground: TestPlayground;
  before(async () => (playground = await TestPlayground.start({ idleTimeoutMs: 300 })));
  after(() => playground.close());

  test("300 silent sockets are closed, and meanwhile another client is answered", { timeout: 20_000 }, async () => {
    const silent = Array.from({ length: 300 }, () => rawSocket(playground.url));
    await Promise.all(silent.map(({ socket }) => once(socket, "connect")));
    assert.equal(typeof (await playground.post({ query: "{ peopleCount }" })).data?.peopleCount, "number");
    const answers = await Promise.all(silent.map(({ closed }) => closed));
    assert.deepEqual(
      new Set(answers.map((answer) => answer.split("\r\n")[0] || "(nothing)")),
      new Set(["HTTP/1.1 408 Request Timeout"]),
    );
  });

  test("a body that never ends is cut, and so are headers that never end", { timeout: 20_000 }, async () => {
    const { host } = new URL(playground.url);
    const body = rawSocket(
      playground.url,
      `POST /graphql HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":`,
    );
    const headers = rawSocket(playground.url, `POST /graphql HTTP/1.1\r\nHost: ${host}\r\n`);
    for (const answer of await Promise.all([body.closed, headers.closed])) {
      assert.match(answer, /^HTTP\/1\.1 408 Request Timeout/);
    }
  });

  test("it is 10 s unless set", () => {
    assert.deepEqual(
      [configFromEnv({}).idleTimeoutMs, configFromEnv({ IDLE_TIMEOUT_MS: "2500" }).idleTimeoutMs],
      [10_000, 2500],
    );
  });
});

test("a port in use is one clear line and a non-zero exit, with no stack", { timeout: 60_000 }, async () => {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
  const { port } = holder.address() as AddressInfo;
  try {
    const child = spawn(process.execPath, [fileURLToPath(new URL("../src/bin/start.js", import.meta.url))], {
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: "sqlite::memory:" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, "exit")) as [number | null];
    assert.equal(code, 1);
    assert.deepEqual(stderr.trimEnd().split("\n"), [
      `Port ${port} is in use; set PORT=<another port> (PORT=0 picks a free one), or stop what holds it.`,
    ]);
  } finally {
    holder.close();
  }
});
