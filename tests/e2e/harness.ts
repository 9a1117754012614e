/**
 * The end-to-end tests' setting: the playground built into
 * tests/e2e/__output__/playground, served on 127.0.0.1, and Debian's Chromium
 * driven by playwright-core. Without Chromium the tests are skipped with a
 * message, except in CI (CI=true), where that is a failure.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { serveStatic, type Served } from "../../playground/server";

export const ROOT = join(__dirname, "..", "..");
export const OUTPUT = join(__dirname, "__output__");
export const SCREENSHOTS = join(ROOT, "docs", "screenshots");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function inCI(): boolean {
  const ci = (process.env.CI ?? "").toLowerCase();
  return ci !== "" && ci !== "false" && ci !== "0";
}

/** Whether to run, and if not, why. */
export function chromiumState(): "run" | "skip" | "fail" {
  if (existsSync(CHROMIUM)) return "run";
  return inCI() ? "fail" : "skip";
}

/** Builds the playground (webpack, development mode: no minifying) into the test output. */
export function buildPlayground(): Promise<string> {
  const out = join(OUTPUT, "playground");
  mkdirSync(out, { recursive: true });
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, "--config", join(ROOT, "webpack.playground.js"), "--mode", "development", "--no-stats"],
      { cwd: ROOT, env: { ...process.env, PLAYGROUND_OUT: out }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`building the playground failed:\n${stdout}\n${stderr}`));
        else if (!existsSync(join(out, "index.html"))) reject(new Error(`the playground build wrote no index.html:\n${stdout}\n${stderr}`));
        else resolve(out);
      },
    );
  });
}

export interface Setting {
  browser: Browser;
  served: Served;
  close(): Promise<void>;
}

export async function start(): Promise<Setting> {
  const dir = await buildPlayground();
  const served = await serveStatic(dir, 0, "127.0.0.1");
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return {
    browser,
    served,
    async close() {
      await browser.close();
      await served.close();
    },
  };
}

/** A fresh page on the playground (a new, empty simulated workbook); every error on it fails the test. */
export async function openPlayground(setting: Setting, query = "", viewport = { width: 1100, height: 700 }): Promise<{ page: Page; errors: string[] }> {
  const page = await setting.browser.newPage({ viewport, deviceScaleFactor: 1, reducedMotion: "reduce" });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && !/favicon/.test(message.location().url)) errors.push(message.text());
  });
  page.setDefaultTimeout(20_000);
  await page.goto(`${setting.served.url}${query}`);
  await page.locator("aside.pane h1").waitFor();
  return { page, errors };
}

/** The task pane of the playground. */
export function pane(page: Page): Locator {
  return page.locator("aside.pane");
}

/** The simulated workbook behind the grid, as deterministic JSON. */
export function snapshot(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { ramkoll: { sim: { snapshot(): string } } }).ramkoll.sim.snapshot());
}

export function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { ramkoll: { sim: { sheetNames(): string[] } } }).ramkoll.sim.sheetNames());
}

export function selection(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { ramkoll: { sim: { selection(): string } } }).ramkoll.sim.selection());
}

/** Writes a screenshot of `target` to docs/screenshots/, only when it changed. */
export async function screenshot(target: Locator | Page, name: string): Promise<Buffer> {
  const png = await target.screenshot({ animations: "disabled", caret: "hide" } as Parameters<Locator["screenshot"]>[0]);
  const file = join(SCREENSHOTS, name);
  mkdirSync(dirname(file), { recursive: true });
  if (!existsSync(file) || !readFileSync(file).equals(png)) writeFileSync(file, png);
  return png;
}
