/**
 * Who may write, for deployments in public: `READ_ONLY` refuses every mutation, and
 * `MUTATION_TOKEN` lets only requests with `authorization: Bearer <token>` write. Both act once
 * the operation is known and before it runs, so a refused mutation writes nothing.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import { createHash, timingSafeEqual } from "node:crypto";
import { ErrorCode, PlaygroundError } from "../errors.js";
import type { PlaygroundContext } from "../graphql/context.js";

export interface WriteAccess {
  readOnly: boolean;
  mutationToken: string | undefined;
}

export function writeAccessPlugin({ readOnly, mutationToken }: WriteAccess): ApolloServerPlugin<PlaygroundContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation?.operation !== "mutation") return;
          if (readOnly) {
            throw new PlaygroundError(
              ErrorCode.Forbidden,
              "This playground is read-only (READ_ONLY is set): mutations are refused; queries still work.",
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

function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(.*)$/i.exec(header ?? "")?.[1];
}

/** Compares digests, so the time taken says nothing about how much of the token was right. */
function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
