/**
 * Soaks of the playground's caches: requests that each bring something the server has never seen,
 * so that whatever it keeps per document or per SQL text grows with every request unless a cache
 * bounds it. Memory is read at every hundredth of the requests: a bounded cache fills in
 * the first half (the prepared documents' within 100 requests, the statements within a few
 * hundred per connection), and what still grows over the second half is what no bound holds.
 * The soaks run long enough for a full collection in the second half: V8 lets the garbage of
 * ten thousand requests or so build up before one, which a shorter soak reads as growth.
 */
import type { CacheSoak, MemoryTrace } from "./report.js";
import type { ServerProcess } from "./servers.js";

interface SoakRequest {
  query: string;
  variables?: Record<string, unknown>;
}

/**
 * Workload 1's document under an alias no earlier request used: a new text, so a new parse,
 * validation and compiled function, for a document of the size clients send.
 */
export function uniqueDocument(i: number): SoakRequest {
  return { query: `{ a${i}: authors(limit: 5) { id name bookSet { id title author { id name } } } }` };
}

/**
 * One document whose `where` has a new shape each time: four terms on `title`, each with one of
 * the string operators picked by a digit of `i`, so each request compiles to a new SQL text (and
 * prepared statement) for the first 12^4 = 20,736 requests, while the document stays the same.
 */
const operators = ["eq", "ne", "in", "notIn", "lt", "lte", "gt", "gte", "contains", "startsWith", "endsWith", "isNull"];
const terms = 4;
export const distinctWhereShapes = operators.length ** terms;

export function newWhereShape(i: number): SoakRequest {
  const where = Array.from({ length: terms }, (_, term) => {
    const operator = operators[Math.floor(i / operators.length ** term) % operators.length]!;
    const value = operator === "isNull" ? false : operator === "in" || operator === "notIn" ? ["Book 1"] : "Book 1";
    return { title: { [operator]: value } };
  });
  return {
    query: "query ($where: BookWhere) { books(where: $where, limit: 2) { id title } }",
    variables: { where: { OR: where } },
  };
}

/** Samples a server's memory: RSS, and the heap left by full collections since the recorder was made. */
export function memoryRecorder(server: ServerProcess): { sample(): void; trace: MemoryTrace } {
  const collectionsBefore = server.fullCollections().count;
  const trace: MemoryTrace = { rssSamples: [], heapSamples: [], fullCollections: 0 };
  const sample = () => {
    trace.rssSamples.push(server.rss());
    const { count, heapAfterLastBytes } = server.fullCollections();
    trace.fullCollections = count - collectionsBefore;
    // A collection from before the recorder would speak of what came before.
    if (trace.fullCollections > 0) trace.heapSamples.push(heapAfterLastBytes!);
  };
  return { sample, trace };
}

/** Sends `count` requests made by `request(i)` over `connections` concurrent clients. */
export async function cacheSoak(
  server: ServerProcess,
  title: string,
  novelty: string,
  count: number,
  connections: number,
  request: (i: number) => SoakRequest,
): Promise<Omit<CacheSoak, "engine">> {
  const started = performance.now();
  const sampleEvery = Math.max(1, Math.floor(count / 100));
  const memory = memoryRecorder(server);
  let next = 0;
  let failures = 0;
  const client = async () => {
    while (next < count) {
      if (next % sampleEvery === 0) memory.sample();
      const response = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(request(next++)),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (response.status !== 200 || body.errors) failures++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, connections) }, client));
  memory.sample();
  return { title, novelty, requests: count, seconds: (performance.now() - started) / 1000, failures, ...memory.trace };
}
