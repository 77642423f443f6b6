/** `npm start`: serves the playground until SIGINT or SIGTERM. */
import "reflect-metadata";
import { configFromEnv } from "../server/config.js";
import { startPlayground } from "../server/app.js";

const server = await startPlayground(configFromEnv());
console.log(`GraphQL playground ready at ${server.url}`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
