/**
 * Replaying examples/*.graphql as scripts. Each file is read top to bottom on a fresh database,
 * the way a reader runs it in a GraphQL IDE, so a replay refuses an operation out of file order,
 * one whose generated document no longer matches the file (stale codegen), and a file left
 * half-run. That keeps an example that stops working from going unnoticed.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { Kind, parse, print, type DocumentNode, type OperationDefinitionNode } from "graphql";
import { projectFile } from "../../src/paths.js";
import type { SqlValue } from "../../src/sql/engine.js";
import { TestPlayground } from "./playground.js";

const examplesDirectory = projectFile("examples");

export function exampleFiles(): string[] {
  return readdirSync(examplesDirectory)
    .filter((name) => name.endsWith(".graphql"))
    .sort();
}

/** The file's operations in the order they are written; every one must be named. */
export function exampleOperations(file: string): OperationDefinitionNode[] {
  const operations = parse(readFileSync(join(examplesDirectory, file), "utf8")).definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  for (const operation of operations) assert.ok(operation.name, `${file}: every example operation needs a name`);
  return operations;
}

function operationName(document: DocumentNode): string | undefined {
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return operation?.name?.value;
}

export class ExampleReplay {
  private readonly operations: OperationDefinitionNode[];
  private readonly ran: string[] = [];

  private constructor(
    readonly file: string,
    private readonly playground: TestPlayground,
  ) {
    this.operations = exampleOperations(file);
  }

  /**
   * Runs `script` against a fresh playground and checks that it ran every operation of `file`;
   * returns their names.
   */
  static async run(file: string, script: (example: ExampleReplay) => Promise<void>): Promise<string[]> {
    const replay = new ExampleReplay(file, await TestPlayground.start());
    try {
      await script(replay);
    } finally {
      await replay.playground.close();
    }
    const notRun = replay.operations.slice(replay.ran.length).map((operation) => operation.name!.value);
    assert.deepEqual(notRun, [], `${file}: the replay stopped before these operations`);
    return replay.ran;
  }

  /** The next operation of the file, which must succeed; returns its data. */
  async data<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
  ): Promise<TData> {
    this.expectNext(document);
    const response = await this.playground.request(document, variables);
    assert.equal(response.errors, undefined, `${operationName(document)} failed`);
    return response.data!;
  }

  /** The next operation of the file, which the example says must fail; returns the error. */
  async refusal<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables?: TVariables) {
    this.expectNext(document);
    const response = await this.playground.request(document, variables);
    assert.equal(response.errors?.length, 1, `${operationName(document)} should fail with one error`);
    const [error] = response.errors!;
    return { code: error!.extensions?.code, message: error!.message };
  }

  /** Reads the database directly, to check what a refused operation left alone. */
  rows<Row>(sql: string, ...params: SqlValue[]): Promise<Row[]> {
    return this.playground.rows<Row>(sql, ...params);
  }

  private expectNext(document: DocumentNode): void {
    const expected = this.operations[this.ran.length];
    const name = operationName(document);
    assert.equal(name, expected?.name?.value, `${this.file}: operations must run in file order`);
    assert.equal(print(document), print(expected!), `${name} differs from ${this.file}: run npm run codegen`);
    this.ran.push(name!);
  }
}
