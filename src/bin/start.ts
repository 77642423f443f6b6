#!/usr/bin/env node
/** `npm start`: serves the playground until SIGINT or SIGTERM. */
import "reflect-metadata";
import { ModelsFileError } from "../errors.js";
import { servedModels } from "../models/index.js";
import { configFromEnv, type PlaygroundConfig } from "../server/config.js";
import { startPlayground } from "../server/app.js";
import { StartupError } from "../sql/connection.js";

const config = configFromEnv();
const server = await startPlayground(config).catch((error: unknown) => {
  const refusal = startRefusal(error, config);
  if (refusal === undefined) throw error;
  console.error(refusal);
  process.exit(1);
});
for (const warning of servedModels().warnings) console.warn(warning);
console.log(`GraphQL playground ready at ${server.url}`);
const { maxDepth, maxAliases, maxTokens, maxCost } = config.queryLimits;
console.log(
  `Mutations ${mutationPolicy(config)}; ` +
    `introspection ${config.introspection ? "on" : "off"}; ` +
    `limits: depth ${maxDepth}, aliases ${maxAliases}, tokens ${maxTokens}, cost ${maxCost} rows.`,
);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: answering the requests in flight, then closing the database.`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

function mutationPolicy({ readOnly, mutationToken }: PlaygroundConfig): string {
  if (readOnly) return "refused (READ_ONLY)";
  return mutationToken ? "need the bearer token (MUTATION_TOKEN)" : "open";
}

/** One line for the reasons to not start that a person fixes by changing a setting. */
function startRefusal(error: unknown, { port, host }: PlaygroundConfig): string | undefined {
  if (error instanceof ModelsFileError || error instanceof StartupError) return error.message;
  switch ((error as NodeJS.ErrnoException).code) {
    case "EADDRINUSE":
      return `Port ${port} is in use; set PORT=<another port> (PORT=0 picks a free one), or stop what holds it.`;
    case "EACCES":
      return `Port ${port} needs privileges this process lacks; set PORT to 1024 or above.`;
    case "EADDRNOTAVAIL":
      return `${host} is not an address of this machine; set HOST=localhost, or HOST=0.0.0.0 for every interface.`;
    default:
      return undefined;
  }
}
