// Offline checks of the add-in-only (XML) manifest.
//
// `office-addin-manifest validate` needs a Microsoft web service; this checks
// what we can check here: well-formed XML, the elements Excel requires, the
// ribbon group and its two commands, resource ids, localized overrides, and that
// every page and icon under the dev URL exists in dist/ after a build.
//
// CommonJS so that both scripts/validate-manifest.mjs and the jest tests
// (ts-jest, CommonJS) can load it.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const xml2js = require("xml2js");

const DEV_URL = "https://localhost:3000/";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d+(\.\d+){0,3}$/;
const LOCALE = /^[a-z]{2,3}-[A-Z]{2}$/;
const SHORT_MAX = 125;
const LONG_MAX = 250;
const RESID_MAX = 32;

/** Which resource collection a resid on an element must point into. */
const RESID_KIND = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};

function parseXml(text) {
  const parser = new xml2js.Parser({
    explicitArray: true,
    explicitChildren: false,
    tagNameProcessors: [xml2js.processors.stripPrefix],
    strict: true,
  });
  let result;
  let failure;
  // xml2js calls back synchronously unless `async: true` is set.
  parser.parseString(text, (err, value) => {
    failure = err;
    result = value;
  });
  if (failure) throw failure;
  return result;
}

/** First child element called `name`, or undefined. */
function child(node, name) {
  if (!node || typeof node !== "object") return undefined;
  const list = node[name];
  return Array.isArray(list) ? list[0] : undefined;
}

/** All child elements called `name`. */
function children(node, name) {
  if (!node || typeof node !== "object") return [];
  const list = node[name];
  return Array.isArray(list) ? list : [];
}

function attr(node, name) {
  if (!node || typeof node !== "object" || !node.$) return undefined;
  return node.$[name];
}

function text(node) {
  if (typeof node === "string") return node.trim();
  if (node && typeof node === "object" && typeof node._ === "string") return node._.trim();
  return "";
}

/** Walks every element, calling visit(name, node, parentName). */
function walk(node, name, visit, parentName) {
  if (!node || typeof node !== "object") return;
  visit(name, node, parentName);
  for (const key of Object.keys(node)) {
    if (key === "$" || key === "_") continue;
    for (const item of children(node, key)) walk(item, key, visit, name);
  }
}

/**
 * Checks manifest XML text. Returns one line per problem; empty means fine.
 * @param {string} xmlText
 * @param {{ distDir?: string | null, label?: string }} [options]
 *   distDir: the build output to look for pages and icons in; null skips that check.
 */
function checkManifestText(xmlText, options = {}) {
  const label = options.label || "manifest.xml";
  const problems = [];
  const problem = (message) => problems.push(`${label}: ${message}`);

  let doc;
  try {
    doc = parseXml(xmlText);
  } catch (err) {
    const message = String((err && err.message) || err).replace(/\s+/g, " ").trim();
    problem(`not well-formed XML: ${message}`);
    return problems;
  }

  const app = doc && doc.OfficeApp;
  if (!app) {
    problem("the root element must be <OfficeApp>");
    return problems;
  }
  if (attr(app, "xsi:type") !== "TaskPaneApp") problem('<OfficeApp> must have xsi:type="TaskPaneApp"');

  // --- base manifest ---
  const id = text(child(app, "Id"));
  if (!id) problem("<Id> is missing");
  else if (!GUID.test(id)) problem(`<Id> must be a GUID, found "${id}"`);

  const version = text(child(app, "Version"));
  if (!version) problem("<Version> is missing");
  else if (!VERSION.test(version)) problem(`<Version> must be up to four numbers like 1.0.0.0, found "${version}"`);

  if (!text(child(app, "ProviderName"))) problem("<ProviderName> is missing or empty");

  const defaultLocale = text(child(app, "DefaultLocale"));
  if (!defaultLocale) problem("<DefaultLocale> is missing");
  else if (!LOCALE.test(defaultLocale)) problem(`<DefaultLocale> must look like sv-SE, found "${defaultLocale}"`);

  for (const name of ["DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const node = child(app, name);
    if (!node) problem(`<${name}> is missing`);
    else if (!attr(node, "DefaultValue")) problem(`<${name}> has no DefaultValue`);
  }

  const hosts = children(child(app, "Hosts"), "Host").map((h) => attr(h, "Name"));
  if (!hosts.includes("Workbook")) problem('<Hosts> must contain <Host Name="Workbook"/>');
  const others = hosts.filter((h) => h !== "Workbook");
  if (others.length > 0) problem(`<Hosts> names other hosts than Workbook: ${others.join(", ")}`);

  const sets = children(child(child(app, "Requirements"), "Sets"), "Set");
  const excelSet = sets.find((s) => attr(s, "Name") === "ExcelApi");
  if (!excelSet) problem('<Requirements> must name <Set Name="ExcelApi" MinVersion="…"/>');
  else if (!/^1\.\d+$/.test(attr(excelSet, "MinVersion") || "")) problem("the ExcelApi requirement needs a MinVersion like 1.13");

  const source = child(child(app, "DefaultSettings"), "SourceLocation");
  if (!source || !attr(source, "DefaultValue")) problem("<DefaultSettings><SourceLocation DefaultValue=…> is missing");

  const permissions = text(child(app, "Permissions"));
  if (permissions !== "ReadWriteDocument") {
    problem(`<Permissions> must be ReadWriteDocument, found "${permissions || "nothing"}"`);
  }

  // --- VersionOverrides: the ribbon ---
  const overrides = child(app, "VersionOverrides");
  if (!overrides) {
    problem("<VersionOverrides> is missing (no ribbon commands)");
  } else {
    checkRibbon(overrides, problem);
    checkResources(overrides, problem);
  }

  checkLocales(app, overrides, problem);
  checkUrls(app, options.distDir, problem);
  return problems;
}

function checkRibbon(overrides, problem) {
  if (attr(overrides, "xsi:type") !== "VersionOverridesV1_0") {
    problem('<VersionOverrides> must have xsi:type="VersionOverridesV1_0" (the only one a TaskPaneApp supports)');
  }
  const host = children(child(overrides, "Hosts"), "Host").find((h) => attr(h, "xsi:type") === "Workbook");
  if (!host) {
    problem('<VersionOverrides><Hosts> must contain <Host xsi:type="Workbook">');
    return;
  }
  const desktop = child(host, "DesktopFormFactor");
  if (!desktop) {
    problem("the Workbook host has no <DesktopFormFactor>");
    return;
  }
  const surface = children(desktop, "ExtensionPoint").find(
    (e) => attr(e, "xsi:type") === "PrimaryCommandSurface",
  );
  const homeTab = children(surface, "OfficeTab").find((t) => attr(t, "id") === "TabHome");
  if (!homeTab) {
    problem('no <OfficeTab id="TabHome"> in a PrimaryCommandSurface extension point');
    return;
  }
  const groups = children(homeTab, "Group");
  if (groups.length === 0) {
    problem("the Home tab has no <Group>");
    return;
  }
  const controls = groups.flatMap((g) => children(g, "Control"));
  for (const group of groups) {
    if (!attr(child(group, "Label"), "resid")) problem(`group "${attr(group, "id") || "?"}" has no <Label resid=…>`);
  }
  const ids = new Set();
  for (const control of controls) {
    const controlId = attr(control, "id") || "?";
    if (ids.has(controlId)) problem(`control id "${controlId}" is used twice`);
    ids.add(controlId);
    if (!attr(child(control, "Label"), "resid")) problem(`control "${controlId}" has no <Label resid=…>`);
    if (!child(control, "Supertip")) problem(`control "${controlId}" has no <Supertip>`);
  }
  const actionOf = (control) => child(control, "Action");
  const taskpane = controls.find((c) => attr(actionOf(c), "xsi:type") === "ShowTaskpane");
  if (!taskpane) {
    problem("the Home tab group has no ShowTaskpane button");
  } else {
    const action = actionOf(taskpane);
    if (text(child(action, "TaskpaneId")) !== "ButtonId1") problem("the ShowTaskpane button must have <TaskpaneId>ButtonId1</TaskpaneId>");
    if (!attr(child(action, "SourceLocation"), "resid")) problem("the ShowTaskpane button has no <SourceLocation resid=…>");
  }
  const functions = controls.filter((c) => attr(actionOf(c), "xsi:type") === "ExecuteFunction");
  if (!functions.some((c) => text(child(actionOf(c), "FunctionName")) === "recompute")) {
    problem("the Home tab group has no ExecuteFunction button with <FunctionName>recompute</FunctionName>");
  }
  if (functions.length > 0 && !attr(child(desktop, "FunctionFile"), "resid")) {
    problem("ExecuteFunction buttons need <FunctionFile resid=…> in <DesktopFormFactor>");
  }
}

function checkResources(overrides, problem) {
  const resources = child(overrides, "Resources");
  if (!resources) {
    problem("<VersionOverrides> has no <Resources>");
    return;
  }
  const defined = new Map(); // id -> kind
  const collections = {
    Images: "Image",
    Urls: "Url",
    ShortStrings: "String",
    LongStrings: "String",
  };
  for (const [collection, item] of Object.entries(collections)) {
    for (const node of children(child(resources, collection), item)) {
      const id = attr(node, "id");
      const value = attr(node, "DefaultValue");
      if (!id) {
        problem(`an entry in <${collection}> has no id`);
        continue;
      }
      if (defined.has(id)) problem(`resource id "${id}" is defined twice`);
      defined.set(id, collection);
      if (id.length > RESID_MAX) problem(`resource id "${id}" is longer than ${RESID_MAX} characters`);
      if (!value) problem(`resource "${id}" has no DefaultValue`);
      const max = collection === "ShortStrings" ? SHORT_MAX : collection === "LongStrings" ? LONG_MAX : 2048;
      const values = [value || "", ...children(node, "Override").map((o) => attr(o, "Value") || "")];
      if (values.some((v) => v.length > max)) problem(`resource "${id}" has a value longer than ${max} characters`);
    }
  }
  const referenced = [];
  for (const key of ["Hosts"]) {
    for (const node of children(overrides, key)) {
      walk(node, key, (name, element) => {
        const resid = attr(element, "resid");
        if (resid !== undefined) referenced.push({ name, resid });
      });
    }
  }
  for (const { name, resid } of referenced) {
    if (!defined.has(resid)) {
      problem(`resid "${resid}" on <${name}> is not defined in <Resources>`);
      continue;
    }
    const expected = RESID_KIND[name];
    if (expected && defined.get(resid) !== expected) {
      problem(`resid "${resid}" on <${name}> must name an entry of <${expected}>, not <${defined.get(resid)}>`);
    }
  }
}

/** Every localized text must carry an override for every locale used anywhere. */
function checkLocales(app, overrides, problem) {
  const localized = []; // { what, node }
  for (const name of ["DisplayName", "Description"]) {
    const node = child(app, name);
    if (node) localized.push({ what: `<${name}>`, node });
  }
  const resources = child(overrides, "Resources");
  for (const collection of ["ShortStrings", "LongStrings"]) {
    for (const node of children(child(resources, collection), "String")) {
      localized.push({ what: `string "${attr(node, "id") || "?"}"`, node });
    }
  }
  const locales = new Set();
  for (const { what, node } of localized) {
    for (const o of children(node, "Override")) {
      const locale = attr(o, "Locale");
      if (!locale || !LOCALE.test(locale)) problem(`${what} has an <Override> with Locale "${locale || ""}", expected like en-US`);
      else locales.add(locale);
      if (!attr(o, "Value")) problem(`${what} has an <Override Locale="${locale || ""}"> without a Value`);
    }
  }
  if (locales.size === 0) problem("no <Override Locale=…> anywhere: the English texts are missing");
  for (const locale of locales) {
    for (const { what, node } of localized) {
      if (!children(node, "Override").some((o) => attr(o, "Locale") === locale)) {
        problem(`${what} has no <Override Locale="${locale}">`);
      }
    }
  }
}

/** Every URL must be https; those under the dev URL must exist in dist/. */
function checkUrls(app, distDir, problem) {
  const urls = new Set();
  walk(app, "OfficeApp", (_name, element) => {
    for (const key of ["DefaultValue", "Value"]) {
      const value = attr(element, key);
      if (typeof value === "string" && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) urls.add(value);
    }
    const own = text(element);
    if (/^https?:\/\//i.test(own)) urls.add(own);
  });
  for (const url of urls) {
    if (!url.startsWith("https://")) problem(`URL "${url}" must use https`);
  }
  if (distDir === null) return;
  const dist = distDir || path.resolve(__dirname, "..", "dist");
  const local = [...urls].filter((u) => u.startsWith(DEV_URL)).sort();
  if (local.length === 0) return;
  if (!fs.existsSync(dist) || !fs.statSync(dist).isDirectory()) {
    problem(`${path.relative(process.cwd(), dist) || dist}/ does not exist: run \`npm run build\` first, then validate again`);
    return;
  }
  for (const url of local) {
    const relative = decodeURI(url.slice(DEV_URL.length).split(/[?#]/)[0]) || "index.html";
    const file = path.join(dist, relative);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      problem(`${url} is not in the build: ${path.relative(process.cwd(), file) || file} is missing`);
    }
  }
}

/**
 * Reads and checks a manifest file.
 * @param {string} manifestPath
 * @param {{ distDir?: string | null }} [options]
 * @returns {string[]} one line per problem
 */
function checkManifest(manifestPath, options = {}) {
  let xmlText;
  try {
    xmlText = fs.readFileSync(manifestPath, "utf8");
  } catch (err) {
    return [`${manifestPath}: cannot be read (${(err && err.code) || err})`];
  }
  return checkManifestText(xmlText, { ...options, label: options.label || path.basename(manifestPath) });
}

module.exports = { checkManifest, checkManifestText, DEV_URL };
