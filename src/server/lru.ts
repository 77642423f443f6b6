import type { DocumentStore } from "@apollo/server";
import type { DocumentNode } from "graphql";

/**
 * A cache that keeps at most `capacity` entries, dropping the least recently used. A Map keeps
 * insertion order, so reading an entry moves it to the end and the first key is the oldest.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new Error(`A cache must hold at least one entry, got a capacity of ${capacity}`);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

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
