/**
 * What holds for a whole request, around its execution: a deadline, and for a mutation one
 * transaction. All mutation fields of a request commit together or not at all: if one fails,
 * the writes before it are rolled back and the response says so with `data: null` and the
 * error, so no client is told of a write that did not stay, nor left unaware of one that did.
 */
import { GraphQLError, type ExecutionResult, type OperationDefinitionNode } from "graphql";
import { timeout } from "../errors.js";
import type { PlaygroundContext } from "../graphql/context.js";

export type Execution = (
  context: PlaygroundContext,
  operation: OperationDefinitionNode,
  run: () => Promise<ExecutionResult>,
) => Promise<ExecutionResult>;

class RolledBack extends Error {
  constructor(readonly result: ExecutionResult) {
    super("rolled back");
  }
}

export const requestExecution: Execution = async (context, operation, run) => {
  if (operation.operation !== "mutation") return beforeDeadline(run(), context.sql.deadline);
  // A mutation is not raced against its deadline: its statements stop at the deadline and the
  // transaction commits only before it, so the answer always tells what stayed.
  try {
    return await context.sql.transaction(async () => {
      // An engine may run this again after a deadlock: nothing read in a rolled-back attempt
      // may be served from the loaders.
      context.loaders.clear();
      const result = await run();
      if (result.errors?.length) throw new RolledBack(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RolledBack) return { data: null, errors: error.result.errors };
    if (error instanceof GraphQLError) return { data: null, errors: [error] };
    throw error;
  }
};

/** A read still running at the deadline is answered TIMEOUT; its statements stop on their own. */
function beforeDeadline(result: Promise<ExecutionResult>, deadline: number): Promise<ExecutionResult> {
  if (!Number.isFinite(deadline)) return result;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<ExecutionResult>((resolve) => {
    timer = setTimeout(() => resolve({ data: null, errors: [timeout()] }), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([result, expired]).finally(() => clearTimeout(timer));
}
