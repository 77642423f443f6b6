import type { DocumentStore } from "@apollo/server";
import type { DocumentNode } from "graphql";
import { LruCache } from "../lru.js";

/**
 * Apollo's store of parsed and validated documents, holding `capacity` of them. Apollo's own is
 * bounded by 30 MiB of the documents as JSON, which in memory, with every token's location, is
 * several times more: thousands of documents and hundreds of megabytes before it drops one.
 */
export function documentStore(capacity: number): DocumentStore {
  const documents = new LruCache<string, DocumentNode>(capacity);
  return {
    get: async (key) => documents.get(key),
    set: async (key, document) => documents.set(key, document),
    delete: async (key) => documents.delete(key),
  };
}
