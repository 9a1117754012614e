#!/usr/bin/env node
// npm run validate: checks manifest.xml offline (see scripts/manifest-check.js).
//
//   node scripts/validate-manifest.mjs [manifest.xml] [--dist dir] [--no-dist]
//
// Exits 1 with one line per problem on stderr, 0 with a one-line summary.

import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { checkManifest } = require("./manifest-check.js");

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
let manifest = join(root, "manifest.xml");
let distDir = join(root, "dist");
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === "--dist") distDir = resolve(args[++i] ?? "");
  else if (arg === "--no-dist") distDir = null;
  else if (arg === "-h" || arg === "--help") {
    console.log("usage: node scripts/validate-manifest.mjs [manifest.xml] [--dist dir] [--no-dist]");
    process.exit(0);
  } else manifest = resolve(arg);
}

const problems = checkManifest(manifest, { distDir });
if (problems.length > 0) {
  for (const line of problems) console.error(line);
  console.error(`${problems.length} problem${problems.length === 1 ? "" : "s"} in the manifest`);
  process.exit(1);
}
console.log(`${manifest}: OK${distDir ? ` (pages and icons found in ${distDir})` : ""}`);
