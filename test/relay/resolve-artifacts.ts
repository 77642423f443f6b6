/**
 * A module resolution hook for the Relay test: relay-compiler's artifacts import each other
 * without an extension (`./XQuery.graphql`), which every bundler a Relay app uses resolves and
 * Node's ES modules do not. Registered by the test before it imports the artifacts.
 */
type Resolve = (specifier: string, context: unknown) => Promise<unknown>;

export function resolve(specifier: string, context: unknown, nextResolve: Resolve): Promise<unknown> {
  return nextResolve(specifier.endsWith(".graphql") ? `${specifier}.js` : specifier, context);
}
