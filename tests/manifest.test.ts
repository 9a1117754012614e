import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkManifest, checkManifestText, DEV_URL } from "../scripts/manifest-check";

const root = path.resolve(__dirname, "..");
const manifestPath = path.join(root, "manifest.xml");
const manifest = fs.readFileSync(manifestPath, "utf8");

let tmp: string;
let dist: string;

/** Every https://localhost:3000/… URL the manifest names, as a path inside dist/. */
function localFiles(xml: string): string[] {
  const files = new Set<string>();
  for (const match of xml.matchAll(/"(https:\/\/localhost:3000\/[^"]*)"/g)) {
    files.add(match[1].slice(DEV_URL.length));
  }
  return [...files].sort();
}

/** A dist/ holding an empty file for each of `files`. */
function makeDist(dir: string, files: string[]): string {
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), "");
  }
  return dir;
}

function check(xml: string, distDir: string | null = dist): string[] {
  const file = path.join(tmp, `manifest-${Math.random().toString(36).slice(2)}.xml`);
  fs.writeFileSync(file, xml);
  return checkManifest(file, { distDir, label: "manifest.xml" });
}

/** Replaces exactly one occurrence, so a broken copy is broken the way the test says. */
function replaceOnce(xml: string, from: string | RegExp, to: string): string {
  const count = typeof from === "string" ? xml.split(from).length - 1 : (xml.match(new RegExp(from, "g")) ?? []).length;
  if (count !== 1) throw new Error(`expected one match of ${String(from)}, found ${count}`);
  return xml.replace(from, to);
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ramkoll-manifest-"));
  dist = makeDist(path.join(tmp, "dist"), localFiles(manifest));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("manifest.xml", () => {
  it("passes every check against a build that has its pages and icons", () => {
    expect(checkManifest(manifestPath, { distDir: dist })).toEqual([]);
  });

  it("names the task pane, the function file and the icons under the dev URL", () => {
    expect(localFiles(manifest)).toEqual(
      expect.arrayContaining([
        "taskpane.html",
        "commands.html",
        "assets/icon-16.png",
        "assets/icon-32.png",
        "assets/icon-64.png",
        "assets/icon-80.png",
      ]),
    );
  });

  it("names only icons that are committed in assets/", () => {
    for (const file of localFiles(manifest).filter((f) => f.startsWith("assets/"))) {
      expect(fs.existsSync(path.join(root, file))).toBe(true);
    }
  });
});

describe("checkManifest finds broken copies", () => {
  it("reports XML that is not well-formed", () => {
    const problems = check(manifest.replace("</OfficeApp>", "</OfficeAp>"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^manifest\.xml: not well-formed XML/);
  });

  it("reports an Id that is not a GUID", () => {
    const xml = replaceOnce(manifest, /<Id>[^<]*<\/Id>/, "<Id>ramkoll</Id>");
    expect(check(xml)).toEqual(['manifest.xml: <Id> must be a GUID, found "ramkoll"']);
  });

  it("reports permissions other than ReadWriteDocument", () => {
    const xml = replaceOnce(manifest, "<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteMailbox</Permissions>");
    expect(check(xml)).toEqual(['manifest.xml: <Permissions> must be ReadWriteDocument, found "ReadWriteMailbox"']);
  });

  it("reports a missing required element", () => {
    const xml = replaceOnce(manifest, /\s*<SupportUrl [^>]*\/>/, "");
    expect(check(xml)).toContain("manifest.xml: <SupportUrl> is missing");
  });

  it("reports a missing Workbook host", () => {
    const xml = replaceOnce(manifest, '<Host Name="Workbook"/>', '<Host Name="Document"/>');
    const problems = check(xml);
    expect(problems).toContain('manifest.xml: <Hosts> must contain <Host Name="Workbook"/>');
  });

  it("reports a resid that no resource defines", () => {
    const xml = replaceOnce(manifest, '<Label resid="RecomputeButton.Label"/>', '<Label resid="Nowhere.Label"/>');
    expect(check(xml)).toEqual(['manifest.xml: resid "Nowhere.Label" on <Label> is not defined in <Resources>']);
  });

  it("reports a resid that points into the wrong kind of resource", () => {
    const xml = replaceOnce(manifest, '<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Group.Label"/>');
    expect(check(xml)).toEqual([
      'manifest.xml: resid "Group.Label" on <SourceLocation> must name an entry of <Urls>, not <ShortStrings>',
    ]);
  });

  it("reports a missing recompute command", () => {
    const xml = replaceOnce(manifest, "<FunctionName>recompute</FunctionName>", "<FunctionName>run</FunctionName>");
    expect(check(xml)).toEqual([
      "manifest.xml: the Home tab group has no ExecuteFunction button with <FunctionName>recompute</FunctionName>",
    ]);
  });

  it("reports a string without the English override", () => {
    const xml = replaceOnce(manifest, /\s*<bt:Override Locale="en-US" Value="Recompute"\/>/, "");
    expect(check(xml)).toEqual(['manifest.xml: string "RecomputeButton.Label" has no <Override Locale="en-US">']);
  });

  it("reports an override with a malformed locale", () => {
    const xml = replaceOnce(manifest, '<bt:Override Locale="en-US" Value="Recompute"/>', '<bt:Override Locale="english" Value="Recompute"/>');
    const problems = check(xml);
    expect(problems).toContain('manifest.xml: string "RecomputeButton.Label" has an <Override> with Locale "english", expected like en-US');
  });

  it("reports a page that the build does not contain", () => {
    const partial = makeDist(
      path.join(tmp, "partial-dist"),
      localFiles(manifest).filter((f) => f !== "commands.html"),
    );
    expect(check(manifest, partial)).toEqual([
      `manifest.xml: ${DEV_URL}commands.html is not in the build: ${path.relative(process.cwd(), path.join(partial, "commands.html"))} is missing`,
    ]);
  });

  it("tells to build first when dist/ does not exist", () => {
    const problems = check(manifest, path.join(tmp, "no-such-dist"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/does not exist: run `npm run build` first/);
  });

  it("skips the build check when asked to", () => {
    expect(checkManifestText(manifest, { distDir: null })).toEqual([]);
  });

  it("reports plain http URLs", () => {
    const xml = replaceOnce(manifest, '<SupportUrl DefaultValue="https://', '<SupportUrl DefaultValue="http://');
    expect(check(xml, null)).toEqual([
      'manifest.xml: URL "http://localhost:3000/assets/support.html" must use https',
    ]);
  });
});
