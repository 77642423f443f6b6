/**
 * A `models.py` read with @lezer/python into the few constructs a models file is made of:
 * imports, assignments, classes, functions, and the literal expressions of field declarations.
 * Nothing is run. Whatever else Python allows is kept as `other`, with its position, so the
 * interpreter can refuse it where it matters and pass over it where it does not (a method body).
 */
import { parser } from "@lezer/python";
import type { SourceLocation } from "../definition.js";

type SyntaxNode = ReturnType<typeof parser.parse>["topNode"];

interface Located {
  at: SourceLocation;
  /** The source text, for messages. */
  text: string;
}

export interface Keyword extends Located {
  name: string;
  value: Expression;
}

export type Expression = Located &
  (
    | { kind: "string"; value: string }
    | { kind: "number"; value: number; integer: boolean }
    | { kind: "boolean"; value: boolean }
    | { kind: "none" }
    /** A name or a dotted path of names: `models.CharField` is `["models", "CharField"]`. */
    | { kind: "name"; path: string[] }
    | { kind: "call"; callee: Expression; args: Expression[]; keywords: Keyword[]; starred: boolean }
    /** An attribute of something other than a name: `models.F("n").asc`. */
    | { kind: "attribute"; object: Expression; name: string }
    | { kind: "tuple" | "list"; items: Expression[] }
    | { kind: "other"; what: string }
  );

export interface ClassStatement extends Located {
  kind: "class";
  name: string;
  bases: Expression[];
  body: Statement[];
}

export type Statement =
  | ClassStatement
  | (Located & { kind: "import"; bindings: Array<{ name: string; qualified: string }> })
  | (Located & { kind: "assign"; targets: string[]; value: Expression })
  | (Located & { kind: "function"; name: string })
  /** A docstring or `pass`: nothing to interpret. */
  | (Located & { kind: "empty" })
  | (Located & { kind: "other"; what: string });

export class PythonSyntaxError extends Error {
  constructor(
    readonly at: SourceLocation,
    readonly near: string,
  ) {
    super(`invalid Python syntax at ${at.line}:${at.column}`);
  }
}

/** Parses `source`; throws `PythonSyntaxError` at the first place Python would not parse. */
export function parseModule(source: string): Statement[] {
  const tree = parser.parse(source);
  const lines = lineStarts(source);
  const locate = (offset: number): SourceLocation => {
    let low = 0;
    let high = lines.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lines[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lines[low]! + 1 };
  };
  let firstError: SyntaxNode | undefined;
  tree.iterate({
    enter(node) {
      if (firstError) return false;
      if (node.type.isError) firstError = node.node;
      return undefined;
    },
  });
  if (firstError) {
    throw new PythonSyntaxError(locate(firstError.from), source.slice(firstError.from, firstError.from + 20));
  }
  return new Reader(source, locate).statements(tree.topNode);
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let index = 0; index < source.length; index++) if (source[index] === "\n") starts.push(index + 1);
  return starts;
}

/** Names of the statements a models file should not hold, for messages. */
const statementWords: Record<string, string> = {
  IfStatement: "an if statement",
  TryStatement: "a try statement",
  ForStatement: "a for loop",
  WhileStatement: "a while loop",
  WithStatement: "a with statement",
  ExpressionStatement: "an expression statement",
  UpdateStatement: "an augmented assignment",
  AssignStatement: "an assignment to something other than a name",
};

class Reader {
  constructor(
    private readonly source: string,
    private readonly locate: (offset: number) => SourceLocation,
  ) {}

  statements(parent: SyntaxNode): Statement[] {
    const statements: Statement[] = [];
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.name === "StatementGroup") statements.push(...this.statements(child));
      else if (child.type.is("Statement")) statements.push(this.statement(child));
    }
    return statements;
  }

  private located(node: SyntaxNode): Located {
    return { at: this.locate(node.from), text: this.source.slice(node.from, node.to) };
  }

  private statement(node: SyntaxNode): Statement {
    const located = this.located(node);
    switch (node.name) {
      case "ClassDefinition":
        return this.classDefinition(node);
      case "FunctionDefinition":
        return { ...located, kind: "function", name: this.text(node.getChild("VariableName")) };
      case "DecoratedStatement": {
        // Class decorators (`@python_2_unicode_compatible`) and method decorators
        // (`@property`) change neither the table nor the API.
        const definition = node.getChild("ClassDefinition") ?? node.getChild("FunctionDefinition")!;
        return this.statement(definition);
      }
      case "ImportStatement":
        return { ...located, kind: "import", bindings: this.importBindings(node) };
      case "PassStatement":
        return { ...located, kind: "empty" };
      case "ExpressionStatement": {
        const expression = node.firstChild!;
        if (expression.name === "String" || expression.name === "ContinuedString") return { ...located, kind: "empty" };
        return { ...located, kind: "other", what: statementWords.ExpressionStatement! };
      }
      case "AssignStatement":
        return this.assignment(node);
      default:
        return { ...located, kind: "other", what: statementWords[node.name] ?? `a ${node.name}` };
    }
  }

  private classDefinition(node: SyntaxNode): ClassStatement {
    const argList = node.getChild("ArgList");
    return {
      ...this.located(node),
      kind: "class",
      name: this.text(node.getChild("VariableName")),
      bases: argList ? this.argumentsOf(argList).args : [],
      body: this.statements(node.getChild("Body")!),
    };
  }

  private assignment(node: SyntaxNode): Statement {
    // `a = b = value`: every child before the last `=` is a target; `x: int = 3` has a TypeDef.
    // (Nodes are made afresh on each visit, so positions, not identities, tell them apart.)
    const children = node.getChildren("AssignOp");
    const value = children[children.length - 1]?.nextSibling;
    const targets: string[] = [];
    for (let child = node.firstChild; child && child.from < (value?.from ?? node.to); child = child.nextSibling) {
      if (child.name === "AssignOp" || child.name === "TypeDef") continue;
      if (child.name !== "VariableName")
        return { ...this.located(node), kind: "other", what: statementWords.AssignStatement! };
      targets.push(this.text(child));
    }
    if (!value) return { ...this.located(node), kind: "other", what: "an annotation without a value" };
    // `ON_SALE = 1, "On sale"` assigns a tuple written without parentheses.
    const items: Expression[] = [];
    for (let child: SyntaxNode | null = value; child; child = child.nextSibling) {
      if (child.name !== ",") items.push(this.expression(child));
    }
    const tuple: Expression = {
      at: this.locate(value.from),
      text: this.source.slice(value.from, node.to),
      kind: "tuple",
      items,
    };
    const single = items.length === 1 && node.lastChild!.name !== ",";
    return { ...this.located(node), kind: "assign", targets, value: single ? items[0]! : tuple };
  }

  private importBindings(node: SyntaxNode): Array<{ name: string; qualified: string }> {
    const bindings: Array<{ name: string; qualified: string }> = [];
    const isFrom = node.firstChild!.name === "from";
    let module = "";
    let child = node.firstChild!.nextSibling;
    if (isFrom) {
      for (; child && child.name !== "import"; child = child.nextSibling) module += this.text(child);
      child = child?.nextSibling ?? null;
    }
    // After `import`: dotted names, each optionally `as` a name, separated by commas.
    let dotted: string[] = [];
    const flush = (alias?: string) => {
      if (dotted.length === 0) return;
      const path = dotted.join(".");
      if (isFrom) bindings.push({ name: alias ?? path, qualified: `${module}.${path}` });
      else bindings.push({ name: alias ?? dotted[0]!, qualified: alias ? path : dotted[0]! });
      dotted = [];
    };
    const visit = (start: SyntaxNode | null) => {
      for (let item = start; item; item = item.nextSibling) {
        if (item.name === "importList") visit(item.firstChild);
        else if (item.name === "VariableName") {
          if (item.prevSibling?.name === "as") flush(this.text(item));
          else dotted.push(this.text(item));
        } else if (item.name === ",") flush();
      }
      flush();
    };
    visit(child);
    return bindings;
  }

  private text(node: SyntaxNode | null): string {
    return node ? this.source.slice(node.from, node.to) : "";
  }

  private argumentsOf(argList: SyntaxNode): { args: Expression[]; keywords: Keyword[]; starred: boolean } {
    const args: Expression[] = [];
    const keywords: Keyword[] = [];
    let starred = false;
    for (let child = argList.firstChild; child; child = child.nextSibling) {
      if (child.name === "(" || child.name === ")" || child.name === ",") continue;
      if (child.name === "*" || child.name === "**") {
        starred = true;
        child = child.nextSibling!;
        continue;
      }
      if (child.name === "VariableName" && child.nextSibling?.name === "AssignOp") {
        const value = child.nextSibling.nextSibling!;
        keywords.push({
          at: this.locate(child.from),
          text: this.source.slice(child.from, value.to),
          name: this.text(child),
          value: this.expression(value),
        });
        child = value;
        continue;
      }
      args.push(this.expression(child));
    }
    return { args, keywords, starred };
  }

  expression(node: SyntaxNode): Expression {
    const located = this.located(node);
    switch (node.name) {
      case "String":
        return this.string(node);
      case "ContinuedString": {
        const parts = node.getChildren("String").map((part) => this.string(part));
        if (parts.length !== node.getChildren("String").length + node.getChildren("FormatString").length) {
          return { ...located, kind: "other", what: "an f-string" };
        }
        const other = parts.find((part) => part.kind !== "string");
        if (other) return other;
        return {
          ...located,
          kind: "string",
          value: parts.map((part) => (part.kind === "string" ? part.value : "")).join(""),
        };
      }
      case "FormatString":
        return { ...located, kind: "other", what: "an f-string" };
      case "Number":
        return this.number(node);
      case "Boolean":
        return { ...located, kind: "boolean", value: located.text === "True" };
      case "None":
        return { ...located, kind: "none" };
      case "VariableName":
        return { ...located, kind: "name", path: [located.text] };
      case "MemberExpression": {
        const object = this.expression(node.firstChild!);
        const property = node.getChild("PropertyName");
        if (!property) return { ...located, kind: "other", what: "a subscript" };
        if (object.kind !== "name") return { ...located, kind: "attribute", object, name: this.text(property) };
        return { ...located, kind: "name", path: [...object.path, this.text(property)] };
      }
      case "CallExpression":
        return {
          ...located,
          kind: "call",
          callee: this.expression(node.firstChild!),
          ...this.argumentsOf(node.getChild("ArgList")!),
        };
      case "TupleExpression":
      case "ArrayExpression":
        return { ...located, kind: node.name === "TupleExpression" ? "tuple" : "list", items: this.items(node) };
      case "ParenthesizedExpression":
        return this.expression(node.firstChild!.nextSibling!);
      case "UnaryExpression": {
        const operand = this.expression(node.lastChild!);
        const sign = this.text(node.firstChild);
        if (operand.kind === "number" && (sign === "-" || sign === "+")) {
          return { ...operand, ...located, value: sign === "-" ? -operand.value : operand.value };
        }
        return { ...located, kind: "other", what: "an operator expression" };
      }
      default:
        return { ...located, kind: "other", what: expressionWords[node.name] ?? "an expression" };
    }
  }

  private items(node: SyntaxNode): Expression[] {
    const items: Expression[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (["(", ")", "[", "]", ","].includes(child.name)) continue;
      items.push(this.expression(child));
    }
    return items;
  }

  private string(node: SyntaxNode): Expression {
    const located = this.located(node);
    const prefix = /^[A-Za-z]*/.exec(located.text)![0].toLowerCase();
    if (prefix.includes("b")) return { ...located, kind: "other", what: "a bytes literal" };
    const body = located.text.slice(prefix.length);
    const quote = body.startsWith('"""') || body.startsWith("'''") ? body.slice(0, 3) : body.charAt(0);
    const content = body.slice(quote.length, body.length - quote.length);
    return { ...located, kind: "string", value: prefix.includes("r") ? content : unescape(content) };
  }

  private number(node: SyntaxNode): Expression {
    const located = this.located(node);
    const digits = located.text.replace(/_/g, "").toLowerCase();
    if (digits.endsWith("j")) return { ...located, kind: "other", what: "a complex number" };
    if (/^0[box]/.test(digits)) return { ...located, kind: "number", value: Number(digits), integer: true };
    const integer = /^\d+$/.test(digits);
    return { ...located, kind: "number", value: Number(digits), integer };
  }
}

const expressionWords: Record<string, string> = {
  LambdaExpression: "a lambda",
  BinaryExpression: "an operator expression",
  ConditionalExpression: "a conditional expression",
  DictionaryExpression: "a dictionary",
  SetExpression: "a set",
  ComprehensionExpression: "a comprehension",
  ArrayComprehensionExpression: "a comprehension",
};

const simpleEscapes: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  n: "\n",
  t: "\t",
  r: "\r",
  a: "\x07",
  b: "\b",
  f: "\f",
  v: "\v",
  "\n": "",
};

/** Python's string escapes (`\n`, `\x41`, `\u00e9`, `\N{...}` aside), as the literal means them. */
function unescape(content: string): string {
  return content.replace(
    /\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|[\s\S])/g,
    (escape, code: string) => {
      if (/^[xuU]/.test(code) && code.length > 1) return String.fromCodePoint(parseInt(code.slice(1), 16));
      if (/^[0-7]+$/.test(code)) return String.fromCodePoint(parseInt(code, 8));
      return simpleEscapes[code] ?? escape;
    },
  );
}
