/**
 * The playground server: the database, the schema, Apollo, and a small `node:http` front that
 * handles CORS, body limits and malformed JSON before Apollo sees a request. `npm start` and
 * the tests both start exactly this.
 */
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "better-sqlite3";
import { buildCatalog, type Catalog } from "../catalog.js";
import type { PlaygroundContext } from "../graphql/context.js";
import { playgroundSchema } from "../graphql/schema.js";
import { seedDatabase } from "../seed.js";
import { openDatabase } from "../sql/connection.js";
import { SqlRunner } from "../sql/runner.js";
import { compiledExecutionGateway } from "./compiled-executor.js";
import type { PlaygroundConfig } from "./config.js";
import { writeAccessPlugin } from "./access.js";
import { errorFormatter } from "./errors.js";
import { queryLimitsPlugin } from "./limits.js";
import { batchingHeader, sqlTracePlugin, traceHeader } from "./trace.js";

export interface PlaygroundServer {
  url: string;
  catalog: Catalog;
  connection: Database;
  /** Stops taking requests, lets the ones in flight finish, then closes the database. */
  close(): Promise<void>;
}

const corsHeaders = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers": [
    "content-type",
    "authorization",
    "apollo-require-preflight",
    "x-apollo-operation-name",
    traceHeader,
    batchingHeader,
  ].join(", "),
  "access-control-max-age": "600",
};

export async function startPlayground(config: PlaygroundConfig): Promise<PlaygroundServer> {
  const database = await openDatabase(config.databaseUrl);
  const catalog = buildCatalog(database.dataSource);
  if (database.isNew) {
    await database.dataSource.synchronize();
    seedDatabase(new SqlRunner(database.connection), catalog);
  }
  const apollo = new ApolloServer<PlaygroundContext>({
    gateway: compiledExecutionGateway(await playgroundSchema(catalog)),
    plugins: [
      sqlTracePlugin(),
      writeAccessPlugin(config),
      queryLimitsPlugin(config.queryLimits, config.limits),
      // The cache-control plugin, on by default, wraps every field resolver to collect cache
      // hints; the playground gives none, and the wrapping costs a closure per field per row.
      ApolloServerPluginCacheControlDisabled(),
    ],
    formatError: errorFormatter(config),
    includeStacktraceInErrorResponses: !config.production,
    introspection: config.introspection,
    // "Did you mean ...?" would spell out the schema that introspection was switched off to hide.
    hideSchemaDetailsFromClientErrors: !config.introspection,
    parseOptions: { maxLexicalTokens: config.queryLimits.maxTokens },
    // close() stops Apollo once the requests in flight are answered; Apollo's own signal
    // handlers would stop it first and fail them.
    stopOnTerminationSignals: false,
    // Automatic persisted queries save nothing on queries this small, and Apollo answers a
    // mismatched hash with an error that has no code; without them clients just send the query.
    persistedQueries: false,
  });
  await apollo.start();

  const contextFor = (headers: HeaderMap): PlaygroundContext => ({
    catalog,
    sql: new SqlRunner(database.connection, headers.get(traceHeader) === "1" ? [] : undefined),
    limits: config.limits,
    batching: headers.get(batchingHeader) !== "off",
    loaders: new Map(),
  });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (request.method === "OPTIONS") return send(response, 204, {}, "");
    if (url.pathname !== "/graphql") {
      return sendJson(response, 404, { errors: [{ message: "Not found: the GraphQL endpoint is /graphql." }] });
    }
    const body = await readBody(request, config.maxBodyBytes);
    if (body === tooLarge) {
      return sendJson(response, 413, {
        errors: [
          {
            message: `Request body is larger than ${config.maxBodyBytes} bytes.`,
            extensions: { code: "PAYLOAD_TOO_LARGE" },
          },
        ],
      });
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    let parsed: unknown = body;
    if (body.length > 0 && headers.get("content-type")?.startsWith("application/json")) {
      try {
        parsed = JSON.parse(body);
      } catch (error) {
        return sendJson(response, 400, {
          errors: [
            {
              message: `The request body is not valid JSON: ${(error as Error).message}`,
              extensions: { code: "BAD_REQUEST" },
            },
          ],
        });
      }
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: request.method ?? "GET",
      headers,
      search: url.search,
      body: parsed,
    };
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => contextFor(headers),
    });
    const outgoing = Object.fromEntries(result.headers);
    if (result.body.kind === "complete") return send(response, result.status ?? 200, outgoing, result.body.string);
    response.writeHead(result.status ?? 200, { ...corsHeaders, ...outgoing });
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };

  // Responses not yet sent: once closing, each one hangs up after answering, since a kept-alive
  // connection would otherwise hold close() open until it timed out.
  const unanswered = new Set<ServerResponse>();
  let closing = false;
  const server = createServer((request, response) => {
    if (closing) response.setHeader("connection", "close");
    unanswered.add(response);
    response.on("close", () => unanswered.delete(response));
    handle(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) {
        sendJson(response, 500, {
          errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }],
        });
      } else response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${config.host}:${port}/graphql`,
    catalog,
    connection: database.connection,
    close: async () => {
      closing = true;
      for (const response of unanswered) if (!response.headersSent) response.setHeader("connection", "close");
      await closeServer(server);
      await apollo.stop();
      await database.dataSource.destroy();
    },
  };
}

const tooLarge = Symbol("too large");

/** Reads the body as text, giving up (without buffering the rest) once it passes `limit`. */
function readBody(request: IncomingMessage, limit: number): Promise<string | typeof tooLarge> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(tooLarge);
        request.resume();
        request.removeAllListeners("data");
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  response.writeHead(status, { ...corsHeaders, ...headers });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, { "content-type": "application/json; charset=utf-8" }, JSON.stringify(body));
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
