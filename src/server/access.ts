/**
 * Who may write, for deployments in public: `READ_ONLY` refuses every mutation,
 * `MUTATION_TOKEN` lets only requests with `authorization: Bearer <token>` write, and
 * `ALLOWED_ORIGINS` lets only pages from the origins it lists write (by default local ones), so
 * that a web page a developer visits cannot write to their playground. All act once the
 * operation is known and before it runs, so a refused mutation writes nothing; a request whose
 * operation is not known is refused, since it cannot be told apart from a mutation.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import { createHash, timingSafeEqual } from "node:crypto";
import { ErrorCode, PlaygroundError } from "../errors.js";
import type { PlaygroundContext } from "../graphql/context.js";
import { unresolvedOperation } from "./operation.js";

export interface WriteAccess {
  readOnly: boolean;
  mutationToken: string | undefined;
  allowedOrigins: string[] | undefined;
}

/** Names of this machine's loopback interface, whatever the port. */
export const localHostnames: ReadonlySet<string> = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function writeAccessPlugin({
  readOnly,
  mutationToken,
  allowedOrigins,
}: WriteAccess): ApolloServerPlugin<PlaygroundContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) throw unresolvedOperation(document, request.operationName);
          if (operation.operation !== "mutation") return;
          if (readOnly) {
            throw new PlaygroundError(
              ErrorCode.Forbidden,
              "This playground is read-only (READ_ONLY is set): mutations are refused; queries still work.",
              { http: { status: 403 } },
            );
          }
          // Browsers send `Origin` with every cross-origin request; programs that send none are
          // no page acting on behalf of a visitor.
          const origin = request.http?.headers.get("origin");
          if (origin !== undefined && !originMayWrite(origin, allowedOrigins)) {
            throw new PlaygroundError(
              ErrorCode.Forbidden,
              `Pages from ${origin} may read this playground but not write to it: start the server with ` +
                `ALLOWED_ORIGINS=${origin} (a comma-separated list, or * for every origin) to let them.`,
              { http: { status: 403 } },
            );
          }
          if (
            mutationToken !== undefined &&
            !sameSecret(bearerToken(request.http?.headers.get("authorization")), mutationToken)
          ) {
            throw new PlaygroundError(
              ErrorCode.Unauthenticated,
              "Mutations on this playground need the header `authorization: Bearer <token>` with the token " +
                "the server was started with (MUTATION_TOKEN).",
              { http: { status: 401, headers: new HeaderMap([["www-authenticate", 'Bearer realm="playground"']]) } },
            );
          }
        },
      };
    },
  };
}

function originMayWrite(origin: string, allowed: string[] | undefined): boolean {
  // Pages in sandboxes and on file: URLs send `null`, which is no origin at all.
  const parsed = URL.canParse(origin) ? new URL(origin) : undefined;
  if (allowed === undefined) return parsed !== undefined && localHostnames.has(parsed.hostname);
  return allowed.includes("*") || (parsed !== undefined && allowed.includes(parsed.origin));
}

function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(.*)$/i.exec(header ?? "")?.[1];
}

/** Compares digests, so the time taken says nothing about how much of the token was right. */
function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
