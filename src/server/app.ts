/**
 * The playground server: the database (created and seeded when new), the schema, Apollo with
 * the playground's plugins, and the HTTP front. `npm start` and the tests both start exactly
 * this.
 */
import { ApolloServer, type HeaderMap } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import type { Catalog } from "../catalog.js";
import type { PlaygroundContext } from "../graphql/context.js";
import { RequestLoaders } from "../graphql/loaders.js";
import { playgroundSchema } from "../graphql/schema.js";
import { serveModels } from "../models/index.js";
import type { Engine } from "../sql/engine.js";
import { reseedDatabase } from "../seed.js";
import { openDatabase } from "../sql/connection.js";
import { SqlRunner } from "../sql/runner.js";
import { compiledExecutionGateway } from "./compiled-executor.js";
import { documentStore } from "./document-store.js";
import { requestExecution } from "./execution.js";
import type { PlaygroundConfig } from "./config.js";
import { writeAccessPlugin } from "./access.js";
import { errorFormatter } from "./errors.js";
import { explainHeader, explainPlugin } from "./explain.js";
import { queryLimitsPlugin } from "./limits.js";
import { graphqlPath, startHttpFront } from "./http.js";
import { ideResponder } from "./ide.js";
import { operationPlugin } from "./operation.js";
import { releaseRowsPlugin, stringifyAndRelease } from "./release.js";
import { textCheckPlugin } from "./text.js";
import { batchingHeader, sqlTracePlugin, sqlVisible, traceHeader } from "./trace.js";

export interface PlaygroundServer {
  url: string;
  catalog: Catalog;
  engine: Engine;
  /** Deletes every row and loads the seeds again, in one transaction. */
  reset(): Promise<void>;
  /** Stops taking requests, lets the ones in flight finish, then closes the database. */
  close(): Promise<void>;
}

export async function startPlayground(config: PlaygroundConfig): Promise<PlaygroundServer> {
  const { seeds } = serveModels(config.models, config.fixtures);
  const { engine, catalog } = await openDatabase(config.databaseUrl, config.engine);
  const apollo = new ApolloServer<PlaygroundContext>({
    gateway: compiledExecutionGateway(await playgroundSchema(catalog), config.maxCompiledDocuments, requestExecution),
    // As many documents kept parsed as compiled: the ones that clients send again.
    documentStore: documentStore(config.maxCompiledDocuments),
    plugins: [
      operationPlugin(),
      sqlTracePlugin(),
      explainPlugin(),
      writeAccessPlugin(config),
      queryLimitsPlugin(config.queryLimits, config.limits),
      textCheckPlugin(),
      releaseRowsPlugin(),
      // The cache-control plugin, on by default, wraps every field resolver to collect cache
      // hints; the playground gives none, and the wrapping costs a closure per field per row.
      ApolloServerPluginCacheControlDisabled(),
      // The IDE answers browsers first (./ide.ts); Apollo's page would load Sandbox from a CDN.
      ApolloServerPluginLandingPageDisabled(),
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
    // The HTTP front refuses the requests a page can send cross-site without a preflight, except
    // GETs, which only read (see http.ts).
    csrfPrevention: false,
    stringifyResult: stringifyAndRelease,
  });
  await apollo.start();

  const contextFor = (headers: HeaderMap): PlaygroundContext => {
    // Statements name every table and column: with introspection off they are not shown.
    const trace = sqlVisible(config) && headers.get(traceHeader) === "1";
    const explain = sqlVisible(config) && headers.has(explainHeader);
    const batching = headers.get(batchingHeader) !== "off";
    return {
      catalog,
      sql: new SqlRunner(engine, Date.now() + config.requestTimeoutMs, trace || explain ? [] : undefined),
      limits: config.limits,
      batching,
      trace,
      explain,
      loaders: new RequestLoaders(batching),
    };
  };

  const front = await startHttpFront({
    apollo,
    contextFor,
    ide: ideResponder(catalog, graphqlPath),
    maxBodyBytes: config.maxBodyBytes,
    port: config.port,
    host: config.host,
    allowedHosts: config.allowedHosts,
    idleTimeoutMs: config.idleTimeoutMs,
  }).catch(async (error: unknown) => {
    // A port in use must not leave the database's worker threads running in a library's host.
    await apollo.stop();
    await engine.close();
    throw error;
  });

  return {
    url: `http://${config.host}:${front.port}${graphqlPath}`,
    catalog,
    engine,
    reset: () => reseedDatabase(new SqlRunner(engine), catalog, seeds),
    close: async () => {
      await front.close();
      await apollo.stop();
      await engine.close();
    },
  };
}
