/**
 * The GraphQL IDE a person gets by opening the endpoint in a browser: Ruru (GraphiQL with
 * Grafast's explain panel), its bundle served from the installed package so that it works with
 * no network but loopback, plus the playground's own toolbar, SQL panel and models diagram.
 * Programs keep getting GraphQL at the same URL: only a GET that prefers HTML gets the page.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { ruruHTML, type RuruClientConfig } from "ruru/server";
import { getStaticFile } from "ruru/static";
import type { Catalog } from "../catalog.js";
import { mermaidDiagram, modelsDiagram, type Diagram } from "../diagram.js";
import { ideScript, ideStylesheet } from "./ide-browser.js";

/** Answers the request when it is the IDE's to answer, and says whether it did. */
export type IdeResponder = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

/** Where Ruru's bundle is served; the page loads its scripts, styles and workers from here. */
export const ideStaticPath = "/ruru/";

const firstQuery = `# The playground's GraphQL IDE. Run with Ctrl-Enter (Cmd-Enter on a Mac).
# "Show SQL" lists the statements each query ran; untick "Batching" to see the N+1 problem
# (the limits keep the unbatched statements under MAX_STATEMENTS).
query ManufacturersWithCars {
  manufacturers(limit: 10) {
    name
    carSet(limit: 10) {
      modelName
      registrationCertificate {
        number
      }
      manufacturer {
        name
      }
    }
  }
}
`;

export function ideResponder(catalog: Catalog, endpoint: string): IdeResponder {
  const diagram = modelsDiagram(catalog);
  return async (request, response) => {
    if (request.method !== "GET") return false;
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname.startsWith(ideStaticPath)) return serveStatic(request, response);
    if (!prefersHtml(request.headers.accept ?? "")) return false;
    if (url.pathname === "/") {
      response.writeHead(302, { location: endpoint }).end();
      return true;
    }
    if (url.pathname !== endpoint) return false;
    const html = idePage(endpoint, diagram, url.searchParams);
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(html);
    return true;
  };
}

/**
 * Whether a GET is a browser navigation: `text/html` ranks above JSON in its Accept header, as
 * Apollo decides for its landing page. `*\/*` alone (curl, fetch) ranks them equal: JSON.
 */
export function prefersHtml(accept: string): boolean {
  const json = Math.max(quality(accept, "application/json"), quality(accept, "application/graphql-response+json"));
  return quality(accept, "text/html") > json;
}

/** The `q` of the most specific range in `accept` that matches `type` (0 when none does). */
function quality(accept: string, type: string): number {
  const [kind, subtype] = type.split("/");
  let best = { specificity: -1, q: 0 };
  for (const part of accept.toLowerCase().split(",")) {
    const [range = "", ...parameters] = part.split(";").map((piece) => piece.trim());
    const [rangeKind, rangeSubtype] = range.split("/");
    const specificity =
      rangeKind === kind && rangeSubtype === subtype
        ? 2
        : rangeKind === kind && rangeSubtype === "*"
          ? 1
          : rangeKind === "*" && rangeSubtype === "*"
            ? 0
            : -1;
    if (specificity <= best.specificity) continue;
    const q = parameters.find((parameter) => parameter.startsWith("q="));
    best = { specificity, q: q ? Number(q.slice(2)) || 0 : 1 };
  }
  return best.q;
}

async function serveStatic(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const file = await getStaticFile({
    staticPath: ideStaticPath,
    urlPath: request.url!,
    acceptEncoding: request.headers["accept-encoding"],
    disallowDevAssets: true,
  });
  if (!file) return false;
  if (request.headers["if-none-match"] === file.headers.etag) {
    response.writeHead(304, { etag: file.headers.etag! }).end();
  } else {
    response.writeHead(200, { ...file.headers, "cache-control": "no-cache" }).end(file.content);
  }
  return true;
}

/** Ruru's page, opened on the query of `/graphql?query=...` when the address bar has one. */
function idePage(endpoint: string, diagram: Diagram, search: URLSearchParams): string {
  return ruruHTML({
    endpoint,
    staticPath: ideStaticPath,
    // Ruru types these options with ruru-components, which it does not install, so every one of
    // them reads as required.
    clientConfig: {
      defaultQuery: firstQuery,
      initialQuery: search.get("query") ?? undefined,
      initialVariables: search.get("variables") ?? undefined,
    } as RuruClientConfig,
    htmlParts: {
      titleTag: "<title>GraphQL relational playground</title>",
      styleTags: (ruru) => ruru + ideStylesheet,
      headerScripts: (ruru) => ideScript + ruru,
      bodyContent: (ruru) => `${toolbar}<div id="playground-main">${ruru}${sqlPanel}</div>${modelsDialog(diagram)}`,
    },
  });
}

const toolbar = `
<nav id="playground-toolbar">
  <strong>GraphQL relational playground</strong>
  <label title="Sends x-playground-trace: 1"><input type="checkbox" id="playground-trace" checked /> Show SQL</label>
  <label title="Unticked, sends x-playground-batching: off"><input type="checkbox" id="playground-batching" checked /> Batching (DataLoader)</label>
  <button type="button" id="playground-models-open">Models</button>
  <a id="playground-sandbox" href="https://studio.apollographql.com/sandbox/explorer" target="_blank" rel="noopener">Open in Apollo Sandbox</a>
</nav>`;

const sqlPanel = `
<aside id="playground-sql" aria-label="SQL of the last response">
  <h2>SQL</h2>
  <p id="playground-sql-count">Run a query to see the statements it ran.</p>
  <ol id="playground-sql-statements"></ol>
</aside>`;

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (character) => escapes[character]!);

/** The diagram as boxes and a list of relations, with the Mermaid text to draw it elsewhere. */
function modelsDialog({ entities, links }: Diagram): string {
  const boxes = entities.map((entity) => {
    const rows = entity.attributes.map((attribute) => {
      const cells = [attribute.type, attribute.name, attribute.keys.join(", "), attribute.note];
      return `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join("")}</tr>`;
    });
    const kind = entity.isJoinTable ? ' class="join-table"' : "";
    return `<article${kind}><h3>${escapeHtml(entity.name)}</h3><table>${rows.join("")}</table></article>`;
  });
  const relations = links.map((link) => {
    const one = link.oneIsOptional ? "0..1" : "1";
    const many = link.manyIsSingle ? "0..1" : "0..n";
    return `<li><b>${escapeHtml(link.one)}</b> ${one} — ${many} <b>${escapeHtml(link.many)}</b>: ${escapeHtml(link.label)}</li>`;
  });
  return `
<dialog id="playground-models" aria-label="The models">
  <button type="button" id="playground-models-close">Close</button>
  <h2>The models</h2>
  <div class="entities">${boxes.join("")}</div>
  <h2>Relations</h2>
  <ul>${relations.join("")}</ul>
  <details><summary>As a Mermaid erDiagram (the README draws it)</summary><pre>${escapeHtml(mermaidDiagram({ entities, links }))}</pre></details>
</dialog>`;
}
