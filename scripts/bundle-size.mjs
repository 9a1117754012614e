#!/usr/bin/env node
// Measures the JavaScript each page of dist/ loads from our own server (office.js
// from Microsoft's CDN is not counted), raw and gzipped (zlib's default level,
// as web servers use).
//
//   node scripts/bundle-size.mjs [--page taskpane.html] [--max-raw-kb 524] [--max-gzip-kb 167]
//                                [--use model-stimulansmedel.js+examples-stimulansmedel.js+rounds.js]…
//
// With a budget, exits 1 when the page's JS is over it. Each --use names the
// chunks one way of using the page loads on top of its start (a model, its
// examples, the round commands); the start and each use are held to the same
// budget. KB here is 1024 bytes.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const page = option("--page") ?? "taskpane.html";
const maxRaw = option("--max-raw-kb") === undefined ? undefined : Number(option("--max-raw-kb"));
const maxGzip = option("--max-gzip-kb") === undefined ? undefined : Number(option("--max-gzip-kb"));
const uses = args.flatMap((a, i) => (a === "--use" && args[i + 1] ? [args[i + 1].split("+")] : []));

const htmlPath = join(dist, page);
if (!existsSync(htmlPath)) {
  console.error(`dist/${page} does not exist: run \`npm run build\` first`);
  process.exit(1);
}
const html = readFileSync(htmlPath, "utf8");
// Minified HTML may leave attribute values unquoted.
const scripts = [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
  .map((m) => m[1] ?? m[2] ?? m[3])
  .filter((src) => !/^(https?:)?\/\//i.test(src));
if (scripts.length === 0) {
  console.error(`dist/${page} loads no local script`);
  process.exit(1);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
let totalRaw = 0;
let totalGzip = 0;
console.log(`JavaScript loaded by ${page} (office.js not counted):`);
for (const src of scripts) {
  const file = join(dist, src.split(/[?#]/)[0]);
  const bytes = readFileSync(file);
  const gz = gzipSync(bytes).length;
  totalRaw += bytes.length;
  totalGzip += gz;
  console.log(`  ${src.padEnd(16)} ${kb(bytes.length).padStart(10)} raw ${kb(gz).padStart(10)} gzip`);
}
console.log(`  ${"total".padEnd(16)} ${kb(totalRaw).padStart(10)} raw ${kb(totalGzip).padStart(10)} gzip`);

let over = false;
const check = (what, raw, gzip) => {
  if (maxRaw !== undefined && raw > maxRaw * 1024) {
    console.error(`${what}: ${kb(raw)} raw is over the budget of ${maxRaw} KB`);
    over = true;
  }
  if (maxGzip !== undefined && gzip > maxGzip * 1024) {
    console.error(`${what}: ${kb(gzip)} gzipped is over the budget of ${maxGzip} KB`);
    over = true;
  }
};
check(page, totalRaw, totalGzip);
for (const chunks of uses) {
  let raw = totalRaw;
  let gzip = totalGzip;
  for (const chunk of chunks) {
    const file = join(dist, chunk);
    if (!existsSync(file)) {
      console.error(`dist/${chunk} does not exist: the chunk names in --use must match webpack's`);
      process.exit(1);
    }
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  console.log(`  + ${chunks.join(" + ")}: ${kb(raw)} raw, ${kb(gzip)} gzip`);
  check(`${page} + ${chunks.join(" + ")}`, raw, gzip);
}
if (over) process.exit(1);
