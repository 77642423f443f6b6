/**
 * The `node:http` front of the GraphQL endpoint: CORS, the body limit and malformed JSON are
 * answered here, before Apollo sees a request; everything else goes to Apollo as is.
 */
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from "@apollo/server";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { PlaygroundContext } from "../graphql/context.js";
import { explainHeader } from "./explain.js";
import type { IdeResponder } from "./ide.js";
import { batchingHeader, traceHeader } from "./trace.js";

export const graphqlPath = "/graphql";

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
    explainHeader,
    // Ruru's explain switch sends this one too; a hosted Ruru pointed here fails its preflight without it.
    "x-postgraphile-explain",
  ].join(", "),
  "access-control-max-age": "600",
};

export interface HttpFrontOptions {
  apollo: ApolloServer<PlaygroundContext>;
  contextFor: (headers: HeaderMap) => PlaygroundContext;
  ide: IdeResponder;
  maxBodyBytes: number;
  port: number;
  host: string;
}

export interface HttpFront {
  port: number;
  /** Stops taking connections and resolves once every request in flight is answered. */
  close(): Promise<void>;
}

export async function startHttpFront(options: HttpFrontOptions): Promise<HttpFront> {
  // Responses not yet sent: once closing, each one hangs up after answering, since a kept-alive
  // connection would otherwise hold close() open until it timed out.
  const unanswered = new Set<ServerResponse>();
  let closing = false;
  const server = createServer((request, response) => {
    if (closing) response.setHeader("connection", "close");
    unanswered.add(response);
    response.on("close", () => unanswered.delete(response));
    handle(options, request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) sendError(response, 500, "Internal server error", "INTERNAL_SERVER_ERROR");
      else response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve, reject) => {
        closing = true;
        for (const response of unanswered) if (!response.headersSent) response.setHeader("connection", "close");
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}

async function handle(options: HttpFrontOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", "http://localhost");
  if (request.method === "OPTIONS") return send(response, 204, {}, "");
  if (await options.ide(request, response)) return;
  if (url.pathname !== graphqlPath) {
    return sendError(response, 404, `Not found: the GraphQL endpoint is ${graphqlPath}.`, "NOT_FOUND");
  }
  const body = await readBody(request, options.maxBodyBytes);
  if (body === tooLarge) {
    return sendError(response, 413, `Request body is larger than ${options.maxBodyBytes} bytes.`, "PAYLOAD_TOO_LARGE");
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
      return sendError(response, 400, `The request body is not valid JSON: ${(error as Error).message}`, "BAD_REQUEST");
    }
  }
  const httpGraphQLRequest: HTTPGraphQLRequest = {
    method: request.method ?? "GET",
    headers,
    search: url.search,
    body: parsed,
  };
  const result = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest,
    context: async () => options.contextFor(headers),
  });
  const outgoing = Object.fromEntries(result.headers);
  if (result.body.kind === "complete") return send(response, result.status ?? 200, outgoing, result.body.string);
  response.writeHead(result.status ?? 200, { ...corsHeaders, ...outgoing });
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
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

/** A refusal made before Apollo: the same `{ errors: [...] }` shape, with a code. */
function sendError(response: ServerResponse, status: number, message: string, code: string): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  send(response, status, { "content-type": "application/json; charset=utf-8" }, body);
}
