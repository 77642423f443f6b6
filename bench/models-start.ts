/**
 * How long `startPlayground` takes for a large models file of one's own, against the built-in
 * models: `node dist/bench/models-start.js [--models 50] [--runs 5]`. The file is generated
 * (every model with text, number, boolean and date fields, a key to the model before it, a
 * many-to-many link to the one before that, and on every fifth model a `Meta.ordering` across
 * that key and a `unique_together`), written to a temporary folder and served from a fresh
 * process per run, since a process serves one models file; each run starts on a new in-memory
 * SQLite database. The time is `startPlayground`'s alone, modules already loaded.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";

const { values } = parseArgs({
  options: {
    models: { type: "string", default: "50" },
    runs: { type: "string", default: "5" },
    // Internal: one timed start in this process, printed in milliseconds.
    serve: { type: "string" },
  },
});

if (values.serve !== undefined) {
  await import("reflect-metadata");
  const { startPlayground } = await import("../src/index.js");
  const started = performance.now();
  const playground = await startPlayground({ models: values.serve === "built-in" ? undefined : values.serve });
  const elapsed = performance.now() - started;
  await playground.close();
  console.log(JSON.stringify({ ms: Math.round(elapsed) }));
} else {
  await compare(Number(values.models), Number(values.runs));
}

/** A models.py of `count` models, as described above; its line count comes back with it. */
function generatedModels(count: number): { source: string; lines: number } {
  const lines = ["from django.db import models", ""];
  for (let i = 1; i <= count; i++) {
    lines.push("", "", `class Model${i}(models.Model):`);
    lines.push(`    name = models.CharField(max_length=100)`);
    lines.push(`    note = models.TextField(null=True)`);
    lines.push(`    rank = models.IntegerField()`);
    lines.push(`    active = models.BooleanField()`);
    lines.push(`    since = models.DateField(null=True)`);
    if (i > 1)
      lines.push(`    previous = models.ForeignKey(Model${i - 1}, on_delete=models.CASCADE, related_name="next_set")`);
    if (i > 2) lines.push(`    links = models.ManyToManyField(Model${i - 2}, related_name="linked_from")`);
    if (i > 1 && i % 5 === 0) {
      lines.push("", "    class Meta:", `        ordering = ["previous__name", "-rank"]`);
      lines.push(`        unique_together = [("previous", "name")]`);
    }
  }
  return { source: `${lines.join("\n")}\n`, lines: lines.length };
}

async function timedStart(models: string): Promise<number> {
  const script = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(process.execPath, [script, "--serve", models]);
  return (JSON.parse(stdout.trim().split("\n").at(-1)!) as { ms: number }).ms;
}

async function compare(count: number, runs: number): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "playground-models-"));
  try {
    const file = join(folder, "models.py");
    const { source, lines } = generatedModels(count);
    writeFileSync(file, source);
    for (const [label, models] of [
      [`${count} models (${lines} lines)`, file],
      ["the built-in models", "built-in"],
    ] as const) {
      const ms: number[] = [];
      for (let run = 0; run < runs; run++) ms.push(await timedStart(models));
      ms.sort((a, b) => a - b);
      console.log(`${label}: median ${ms[Math.floor(ms.length / 2)]} ms to start (runs: ${ms.join(", ")} ms)`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
