/**
 * The `node:http` front of the GraphQL endpoint: the `Host` check, CORS, the body limit, the
 * content type and malformed JSON are answered here, before Apollo sees a request; everything
 * else goes to Apollo as is. Connections that send no complete request in time are closed.
 *
 * Cross-site requests: a browser lets any page send a GET, or a POST of a form or `text/plain`,
 * without asking the server first. A GET only ever reads (Apollo refuses mutations over GET),
 * and reads are open to every origin anyway, so GETs need no preflight-forcing header, as urql's
 * default client sends none. A POST must be `application/json`, which a page can send only after
 * a CORS preflight and with its `Origin`, which decides whether it may write.
 */
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from "@apollo/server";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { PlaygroundContext } from "../graphql/context.js";
import { explainHeader } from "./explain.js";
import { localHostnames } from "./access.js";
import { hostnameOf } from "./config.js";
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
  /** Host names served besides `host` and the local names; `*` serves any. */
  allowedHosts: string[];
  /** Closes a connection that sends no complete request for this long; 0 leaves Node's defaults. */
  idleTimeoutMs: number;
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
  const idle = options.idleTimeoutMs;
  const timeouts = idle > 0 && {
    headersTimeout: idle,
    requestTimeout: idle,
    keepAliveTimeout: Math.min(idle, 5000),
    // Node looks for expired connections every 30 s by default, which would let a silent one
    // stay three times as long as the timeout says.
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(idle / 4))),
  };
  const server = createServer({ ...timeouts }, (request, response) => {
    if (closing) response.setHeader("connection", "close");
    unanswered.add(response);
    response.on("close", () => unanswered.delete(response));
    handle(options, request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) sendError(response, 500, "Internal server error", "INTERNAL_SERVER_ERROR");
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
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
  const host = request.headers.host;
  if (host !== undefined && !hostServed(host, options)) {
    return sendError(
      response,
      403,
      `This server does not answer for the host "${host}": a name that is not this server's, pointing at it, ` +
        "is how a web page would reach a local server from outside (DNS rebinding). If it is one of this " +
        `server's names, start it with ALLOWED_HOSTS=${hostnameOf(host) ?? host} (a comma-separated list).`,
      "FORBIDDEN",
    );
  }
  const url = new URL(request.url ?? "/", "http://localhost");
  if (request.method === "OPTIONS") return send(response, 204, {}, "");
  if (await options.ide(request, response)) return;
  if (url.pathname !== graphqlPath) {
    return sendError(response, 404, `Not found: the GraphQL endpoint is ${graphqlPath}.`, "NOT_FOUND");
  }
  const contentType = request.headers["content-type"]?.split(";")[0]!.trim().toLowerCase();
  if (request.method === "POST" && contentType !== "application/json") {
    return sendError(
      response,
      415,
      `A POST to ${graphqlPath} must have content-type: application/json, got ${contentType ?? "none"}; ` +
        "any web page could send the other types from a visitor's browser.",
      "BAD_REQUEST",
    );
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
  if (body.length > 0 && contentType === "application/json") {
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

/** The listening host, the local names, and `ALLOWED_HOSTS`; the port plays no part. */
function hostServed(host: string, { host: listening, allowedHosts }: HttpFrontOptions): boolean {
  const hostname = hostnameOf(host);
  if (hostname === undefined) return false;
  return (
    localHostnames.has(hostname) ||
    hostname === hostnameOf(listening) ||
    allowedHosts.includes("*") ||
    allowedHosts.includes(hostname)
  );
}

const tooLarge = Symbol("too large");

/**
 * Reads the body as text; past `limit` it keeps reading but drops the rest, and answers only at
 * the end. Answering sooner would close the connection under a client still sending, which
 * then sees a reset instead of the 413. A body that never ends is cut by the request timeout.
 */
function readBody(request: IncomingMessage, limit: number): Promise<string | typeof tooLarge> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    request.on("end", () => resolve(size > limit ? tooLarge : Buffer.concat(chunks).toString("utf8")));
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
