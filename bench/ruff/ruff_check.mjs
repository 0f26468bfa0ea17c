#!/usr/bin/env node
// Reference linter: runs ruff's ASYNC rules (WebAssembly build, pinned in
// package-lock.json) over Python files and prints `path:line:col: CODE message`.
//
//   node ruff_check.mjs [--stats] FILE...      lint the given files
//   node ruff_check.mjs [--stats] @LISTFILE    lint the paths listed one per line
//   node ruff_check.mjs --list-codes           ASYNC codes this ruff knows
import { readFileSync } from "node:fs";
import ruff from "@astral-sh/ruff-wasm-nodejs"; // CommonJS package: use the default export

const { Workspace, PositionEncoding } = ruff;

const SETTINGS = {
  "target-version": "py311",
  // Preview switches diagnostic ids to rule names; ask for the codes back.
  "output-prefer-rule-codes": true,
  lint: { select: ["ASYNC"], preview: true },
};

function die(msg) {
  process.stderr.write(`ruff_check: ${msg}\n`);
  process.exit(2);
}

// The wasm API has no rule listing, so probe every ASYNCnnn selector: unknown
// ones throw, preview-only ones log a warning when preview is off.
function listCodes() {
  const warnings = [];
  const saved = { ...console };
  for (const k of ["log", "warn", "info", "error", "debug"]) console[k] = (m) => warnings.push(String(m));
  ruff.initLogging(ruff.LogLevel.Warn);
  const rows = [];
  try {
    for (let n = 100; n < 1000; n++) {
      const code = `ASYNC${n}`;
      warnings.length = 0;
      try {
        new Workspace({ lint: { select: [code] } }, PositionEncoding.Utf32).free();
      } catch {
        continue; // unknown (or removed) selector
      }
      const preview = warnings.some((w) => w.includes(code) && w.includes("preview"));
      rows.push(`${code}\t${preview ? "preview" : "stable"}`);
    }
  } finally {
    Object.assign(console, saved);
  }
  process.stdout.write(rows.join("\n") + "\n");
}

function readPaths(args) {
  if (args.length === 1 && args[0].startsWith("@")) {
    let text;
    try {
      text = readFileSync(args[0].slice(1), "utf8");
    } catch (e) {
      die(`cannot read list ${args[0].slice(1)}: ${e.message}`);
    }
    return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  }
  return args;
}

function main(argv) {
  const flags = new Set(argv.filter((a) => a.startsWith("--")));
  const args = argv.filter((a) => !a.startsWith("--"));
  for (const f of flags) if (f !== "--list-codes" && f !== "--stats") die(`unknown option ${f}`);
  if (flags.has("--list-codes")) return listCodes();
  const paths = readPaths(args);
  if (paths.length === 0) die("usage: ruff_check.mjs [--stats] FILE... | @LISTFILE | --list-codes");

  // Utf32 = columns counted in code points, which is what the ruff CLI prints.
  const newWorkspace = () => new Workspace(SETTINGS, PositionEncoding.Utf32);
  let ws = newWorkspace();
  // Fatal decoding: ruff refuses non-UTF-8 sources too, instead of guessing.
  const decoder = new TextDecoder("utf-8", { fatal: true });

  const out = [];
  let checked = 0;
  let skipped = 0;
  for (const path of paths) {
    let source;
    try {
      source = decoder.decode(readFileSync(path));
    } catch (e) {
      process.stderr.write(`${path}: cannot read: ${e.message}\n`);
      skipped++;
      continue;
    }
    let diags;
    try {
      diags = ws.check(source);
    } catch (e) {
      process.stderr.write(`${path}: ruff failed: ${e.message}\n`);
      skipped++;
      ws = newWorkspace(); // don't reuse a workspace that just threw
      continue;
    }
    checked++;
    for (const d of diags) {
      out.push({
        path,
        line: d.start_location.row,
        col: d.start_location.column,
        // Parse errors come out as `invalid-syntax`; guard against a null code anyway.
        code: d.code ?? "invalid-syntax",
        message: d.message.replace(/\s*\n\s*/g, " "),
      });
    }
  }

  // Plain code-unit ordering so the output is stable across locales.
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  out.sort((a, b) => cmp(a.path, b.path) || a.line - b.line || a.col - b.col || cmp(a.code, b.code));
  process.stdout.write(out.map((d) => `${d.path}:${d.line}:${d.col}: ${d.code} ${d.message}\n`).join(""));

  if (flags.has("--stats")) {
    const counts = new Map();
    for (const d of out) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
    for (const [code, n] of [...counts].sort((a, b) => cmp(a[0], b[0]))) process.stderr.write(`${code}\t${n}\n`);
  }
  process.stderr.write(
    `ruff ${Workspace.version()}: ${checked} files checked, ${out.length} diagnostics` +
      (skipped ? `, ${skipped} files skipped` : "") +
      "\n",
  );
}

main(process.argv.slice(2));
