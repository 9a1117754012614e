/**
 * `npm run playground`: serves the built playground on http://localhost:3001
 * (PORT=… for another port). Build it first with `npm run playground:build`.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "./server";

const root = join(__dirname, "dist");
if (!existsSync(join(root, "index.html"))) {
  console.error("playground/dist/index.html is missing: run `npm run playground:build` first.");
  process.exit(1);
}
const port = Number(process.env.PORT) || 3001;
serveStatic(root, port, "localhost").then(
  (served) => console.log(`Ramkoll playground: ${served.url}  (Ctrl+C stops)`),
  (error: Error) => {
    console.error(`Could not serve the playground on port ${port}: ${error.message}`);
    process.exit(1);
  },
);
