/**
 * What the IDE page adds to Ruru, run in the browser: a toolbar with the playground's two
 * switches, a panel that shows the SQL of the last response as text, and the models diagram.
 * Ruru's fetcher calls the global `fetch` for every request, so the switches wrap that: they
 * set the headers a person would otherwise type as JSON, and move `extensions.sql` from the
 * response into the panel. Kept as text because the server never runs it; the browser test does.
 */

export const ideStylesheet = `
<style>
  body { display: flex; flex-direction: column; height: 100vh; }
  #playground-toolbar {
    display: flex; align-items: center; gap: 1.25rem; padding: 0.4rem 1rem;
    font: 14px system-ui, sans-serif; border-bottom: 1px solid #8884;
  }
  #playground-toolbar strong { margin-right: auto; }
  #playground-toolbar label { display: flex; align-items: center; gap: 0.35rem; cursor: pointer; }
  #playground-toolbar button { font: inherit; cursor: pointer; }
  #playground-main { display: flex; flex: 1; min-height: 0; }
  #ruru-root { height: auto; flex: 1; min-width: 0; }
  #playground-sql {
    width: 32%; overflow: auto; padding: 0.5rem 1rem; font: 13px system-ui, sans-serif;
    border-left: 1px solid #8884;
  }
  #playground-sql[hidden] { display: none; }
  #playground-sql ol { padding-left: 1.5rem; }
  #playground-sql pre { white-space: pre-wrap; word-break: break-word; font: 12px ui-monospace, monospace; margin: 0 0 0.6rem; }
  #playground-models { max-width: 90vw; max-height: 85vh; font: 13px system-ui, sans-serif; }
  #playground-models .entities { display: flex; flex-wrap: wrap; gap: 0.6rem; }
  #playground-models article { border: 1px solid #8886; border-radius: 4px; padding: 0.3rem 0.6rem; }
  #playground-models article.join-table { border-style: dashed; }
  #playground-models h3 { margin: 0.2rem 0; font-size: 14px; }
  #playground-models td { padding: 0 0.4rem 0 0; font-family: ui-monospace, monospace; font-size: 12px; }
  #playground-models pre { font-size: 12px; }
</style>`;

export const ideScript = `
<script>
(() => {
  const endpoint = new URL(RURU_CONFIG.endpoint, location.href).href;
  const stored = (name, fallback) => {
    const value = localStorage.getItem("playground:" + name);
    return value === null ? fallback : value === "true";
  };
  const switches = { trace: stored("trace", true), batching: stored("batching", true) };
  // Ruru asks for extensions.explain only while its own explain switch is on; start with it on.
  if (localStorage.getItem("Ruru:explain") === null) localStorage.setItem("Ruru:explain", "true");

  const isIntrospection = (body) => {
    try {
      const { operationName, query } = JSON.parse(body);
      return operationName === "IntrospectionQuery" || /^\\s*query\\s+IntrospectionQuery\\b/.test(query);
    } catch {
      return false;
    }
  };
  // One clause a line, so that a statement reads like SQL rather than one long string.
  const readable = (statement) =>
    statement.replace(/ (FROM|WHERE|GROUP BY|ORDER BY|LIMIT|(?:LEFT |INNER )?JOIN) /g, "\\n$1 ");

  const showSql = (result) => {
    const count = document.getElementById("playground-sql-count");
    const list = document.getElementById("playground-sql-statements");
    const sql = result && result.extensions && result.extensions.sql;
    if (!sql) {
      count.textContent = "The last response carried no SQL.";
      list.replaceChildren();
      return;
    }
    const batching = switches.batching ? "batched by DataLoader" : "batching off: one query per parent";
    count.textContent = sql.count + (sql.count === 1 ? " statement" : " statements") + ", " + batching;
    list.replaceChildren(
      ...sql.statements.map((statement) => {
        const item = document.createElement("li");
        const text = document.createElement("pre");
        text.textContent = readable(statement);
        item.append(text);
        return item;
      }),
    );
  };

  const nativeFetch = window.fetch.bind(window);
  window.fetch = async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href).href;
    if (url !== endpoint) return nativeFetch(input, init);
    const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
    if (switches.trace) headers.set("x-playground-trace", "1");
    if (!switches.batching) headers.set("x-playground-batching", "off");
    const response = await nativeFetch(input, { ...init, headers });
    const isJson = /json/.test(response.headers.get("content-type") || "");
    if (!switches.trace || !isJson || isIntrospection(init.body)) return response;
    // The panel shows the statements; left in the result, they would read as escaped JSON.
    const result = await response.json();
    showSql(result);
    if (result.extensions) {
      delete result.extensions.sql;
      if (Object.keys(result.extensions).length === 0) delete result.extensions;
    }
    const { status, statusText } = response;
    return new Response(JSON.stringify(result), { status, statusText, headers: response.headers });
  };

  document.addEventListener("DOMContentLoaded", () => {
    const panel = document.getElementById("playground-sql");
    for (const name of ["trace", "batching"]) {
      const box = document.getElementById("playground-" + name);
      box.checked = switches[name];
      box.addEventListener("change", () => {
        switches[name] = box.checked;
        localStorage.setItem("playground:" + name, String(box.checked));
        panel.hidden = !switches.trace;
      });
    }
    panel.hidden = !switches.trace;
    document.getElementById("playground-sandbox").href =
      "https://studio.apollographql.com/sandbox/explorer?endpoint=" + encodeURIComponent(endpoint);
    const models = document.getElementById("playground-models");
    document.getElementById("playground-models-open").addEventListener("click", () => models.showModal());
    document.getElementById("playground-models-close").addEventListener("click", () => models.close());
  });
})();
</script>`;
