// First-load JavaScript per route of the static export, gzipped: every script
// a route's HTML loads before it can run. Exits non-zero over the budget.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const OUT = new URL("../out/", import.meta.url).pathname;
const BUDGET_KB = { "/": 200 };
const DEFAULT_BUDGET_KB = 200;

const sizes = new Map();
async function gzippedSize(src) {
  if (!sizes.has(src)) {
    const body = await readFile(join(OUT, src));
    sizes.set(src, gzipSync(body, { level: 9 }).length);
  }
  return sizes.get(src);
}

// Modern browsers skip `nomodule` scripts (the legacy polyfills).
function scriptsOf(html) {
  const found = new Set();
  for (const match of html.matchAll(/<script([^>]*)>/g)) {
    const src = /\ssrc="([^"]+\.js)"/.exec(match[1])?.[1];
    if (src && !/\snomodule/i.test(match[1])) found.add(src.replace(/^\//, ""));
  }
  return [...found];
}

function routeOf(file) {
  if (file === "index.html") return "/";
  return `/${file.replace(/\.html$/, "")}`;
}

const pages = (await readdir(OUT)).filter(
  (file) =>
    file.endsWith(".html") && !file.startsWith("_") && file !== "404.html",
);

let failed = false;
const kb = (bytes) => (bytes / 1024).toFixed(1);
console.log("route            first-load JS (gzip)   scripts   budget");
for (const page of pages.sort()) {
  const html = await readFile(join(OUT, page), "utf8");
  const scripts = scriptsOf(html);
  let total = 0;
  for (const src of scripts) total += await gzippedSize(src);
  const route = routeOf(page);
  const budget = BUDGET_KB[route] ?? DEFAULT_BUDGET_KB;
  const over = total / 1024 > budget;
  failed ||= over;
  console.log(
    `${route.padEnd(16)} ${`${kb(total)} KB`.padStart(12)}   ${String(scripts.length).padStart(12)}   ${budget} KB${over ? "  OVER BUDGET" : ""}`,
  );
}
process.exitCode = failed ? 1 : 0;
