/**
 * The task pane in a real browser (Debian's Chromium, driven by playwright-core)
 * against the playground: the same App and the same commands as in Excel, on
 * the Excel simulator. Writes the README's screenshots to docs/screenshots/.
 */
import type { Page } from "playwright-core";
import {
  CHROMIUM,
  type Setting,
  chromiumState,
  openPlayground,
  pane,
  screenshot,
  selection,
  sheetNames,
  snapshot,
  start,
} from "./harness";

const state = chromiumState();
if (state === "skip") {
  console.warn(`Skipping the end-to-end tests: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH). CI requires it.`);
}
const suite = state === "skip" ? describe.skip : describe;

jest.setTimeout(60_000);

suite("the task pane in Chromium, against the playground", () => {
  let setting: Setting;
  const pages: Page[] = [];

  beforeAll(async () => {
    if (state === "fail") throw new Error(`CI needs Chromium at ${CHROMIUM} for the end-to-end tests (.ci/run installs it with apt-get).`);
    setting = await start();
  }, 240_000);

  afterAll(async () => {
    await setting?.close();
  });

  async function open(query = "", viewport?: { width: number; height: number }) {
    const opened = await openPlayground(setting, query, viewport);
    pages.push(opened.page);
    return opened;
  }

  afterEach(async () => {
    while (pages.length) await pages.pop()!.close();
  });

  const button = (page: Page, name: string) => pane(page).getByRole("button", { name, exact: true });
  const outcome = (page: Page) => pane(page).getByTestId("outcome");
  const cell = (page: Page, address: string) => page.locator(`[data-cell="${address}"]`);

  async function create(page: Page, title = "Modellen är skapad") {
    await button(page, "Skapa modellen").click();
    await outcome(page).getByRole("heading", { name: title }).waitFor();
  }

  async function recompute(page: Page) {
    await button(page, "Räkna om").click();
    await page.getByText(/^(Omräkningen är klar|Ramkoll skrev ingenting)$/).waitFor();
  }

  /** Types into a cell of the grid as a person would: select it, type, Enter. */
  async function type(page: Page, address: string, text: string) {
    await cell(page, address).click();
    await page.getByTestId("name-box").filter({ hasText: new RegExp(`^${address}$`) }).waitFor();
    await page.locator("#formula").fill(text);
    await page.locator("#formula").press("Enter");
    // Written when the simulated workbook holds it (the grid shows it formatted: 5000000 as "5 000 000 kr").
    await page.waitForFunction(
      ([a, t]) => String((window as unknown as { ramkoll: { sim: { getValue(x: string): unknown } } }).ramkoll.sim.getValue(a)) === t,
      [address, text],
    );
  }

  test("creates the budget with its examples; a recompute then writes nothing", async () => {
    const { page, errors } = await open("?latency=0");
    await create(page);
    const created = await outcome(page).innerText();
    expect(created).toMatch(/\d+ celler skrivna/);
    expect(created).toContain("Inga problem flaggade");
    expect(created).toContain("Budgetramar: 12 ramar, 2 omdisponeringar.");
    // HSN/1222/2023's 4,5 mkr and RUN/77/2024's 350 000 kr a year.
    expect(created.replace(/\u00a0/g, " ")).toContain("4 850 000 kr flyttas eller fördelas");
    // The grid shows the new sheet: HSN/1222/2023, 4,5 mkr a year, with Swedish thousands spaces.
    await expect(page.getByRole("tab", { name: "Budget" }).getAttribute("aria-selected")).resolves.toBe("true");
    await expect(cell(page, "N4").innerText()).resolves.toBe("4\u00a0500\u00a0000 kr");
    await expect(cell(page, "K4").innerText()).resolves.toBe("HSN/1222/2023");
    await screenshot(pane(page), "taskpane-skapad.png");

    await recompute(page);
    const lines = await outcome(page).locator("li").allInnerTexts();
    expect(lines.slice(0, 4)).toEqual(["0 celler skrivna", "3 synkroniseringar med Excel", "Inga problem flaggade", "Inget behövde ändras."]);
    await expect(pane(page).getByText("Inga problem.", { exact: true }).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  test("a bad amount typed in the grid is a located problem; clicking it selects the cell", async () => {
    const { page, errors } = await open("?latency=0");
    await create(page);
    await type(page, "N4", "4,5 mkrr");
    const before = await snapshot(page);
    await recompute(page);
    await pane(page).getByText("Ramkoll skrev ingenting").waitFor();
    expect(await snapshot(page)).toBe(before);

    const problems = pane(page).getByRole("listitem").filter({ hasText: "Budget!N4" });
    await expect(problems.count()).resolves.toBe(1);
    const text = await problems.innerText();
    expect(text).toContain("Fel");
    expect(text).toContain("tabell Omdisponeringar, rad 1, kolumn Belopp per år");
    expect(text).toContain('okänd enhet "mkrr"');

    // Select elsewhere first, so that the click visibly moves the selection.
    await cell(page, "A1").click();
    await page.getByTestId("name-box").filter({ hasText: /^A1$/ }).waitFor();
    await pane(page).getByRole("button", { name: /^Gå till Budget!N4/ }).click();
    await page.getByTestId("name-box").filter({ hasText: /^N4$/ }).waitFor();
    expect(await selection(page)).toBe("Budget!N4");
    await expect(cell(page, "N4").getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.locator('[data-cell][aria-selected="true"]').count()).resolves.toBe(1);
    await expect(page.locator("#formula").inputValue()).resolves.toBe("4,5 mkrr");
    await screenshot(pane(page), "taskpane-problem.png");
    await screenshot(page, "playground.png");

    // Corrected, the recompute goes through again.
    await type(page, "N4", "4500000");
    await recompute(page);
    await outcome(page).getByRole("heading", { name: "Omräkningen är klar" }).waitFor();
    expect(errors).toEqual([]);
  });

  test("cancelling before the writes leaves the workbook unchanged", async () => {
    // Slow syncs, as on a slow connection, so that there is time to cancel.
    const { page, errors } = await open("?latency=1200");
    const before = await snapshot(page);
    await button(page, "Skapa modellen").click();
    const progress = pane(page).getByTestId("progress");
    await progress.waitFor();
    await expect(progress.getByRole("progressbar").count()).resolves.toBe(1);
    await expect(progress.innerText()).resolves.toMatch(/Läser arbetsboken|Räknar/);
    await progress.getByRole("button", { name: "Avbryt" }).click();
    await pane(page).getByText("Avbrutet", { exact: true }).waitFor();
    await expect(pane(page).getByText("Inget har ändrats i arbetsboken.").isVisible()).resolves.toBe(true);
    expect(await snapshot(page)).toBe(before);
    expect(await sheetNames(page)).toEqual(["Sheet1"]);
    await expect(progress.count()).resolves.toBe(0);
    await expect(pane(page).getByTestId("outcome").count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  test("creates and recomputes every other model in the catalog", async () => {
    const { page, errors } = await open("?latency=0");
    const select = pane(page).getByRole("combobox", { name: "Modell" });
    const models = (await select.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).filter((id) => id !== "budget");
    expect(models.length).toBeGreaterThanOrEqual(2);
    for (const model of models) {
      await select.selectOption(model);
      await create(page);
      const created = await outcome(page).innerText();
      expect([model, created]).toEqual([model, expect.stringMatching(/\d+ celler skrivna/)]);
      await recompute(page);
      await expect(outcome(page).getByRole("heading", { level: 2 }).innerText()).resolves.toBe("Omräkningen är klar");
      // Created with the examples, nothing is refused.
      await expect(pane(page).getByText(/^(Ramkoll skrev ingenting|Kommandot kunde inte köras)$/).count()).resolves.toBe(0);
    }
    const sheets = await sheetNames(page);
    expect(sheets.length).toBeGreaterThan(models.length);
    expect(errors).toEqual([]);
  });

  test("professionsmiljarden: the leftovers' proposal is shown after a recompute and accepted with one click", async () => {
    const { page, errors } = await open("?latency=0");
    await pane(page).getByRole("combobox", { name: "Modell" }).selectOption("stimulansmedel");
    await create(page);
    await recompute(page);
    const proposal = outcome(page).getByRole("region", { name: /^Förslag: Professionsmiljarden 2016: flytta/ });
    await expect(proposal.count()).resolves.toBe(1);
    expect(await proposal.innerText()).toContain("Fördelningsregeln blir Fast per aktivitet (nu Rangordning)");
    // The report sheet, with its chart drawn from the same cells.
    await page.getByRole("tab", { name: "Återredovisning PM2016" }).click();
    await expect(page.getByRole("img", { name: /^Beviljat och utfall per syfte, Professionsmiljarden 2016: Beviljat, Utfall ack$/ }).count()).resolves.toBe(1);
    await screenshot(page, "playground-aterredovisning.png");
    await proposal.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await screenshot(pane(page), "taskpane-forslag.png");
    await proposal.getByRole("button", { name: "Godkänn förslaget" }).click();
    await outcome(page).getByRole("heading", { name: "Förslaget är godkänt" }).waitFor();
    expect(await outcome(page).innerText()).toMatch(/Godkänt: Professionsmiljarden 2016: flytta/);
    const rule = await page.evaluate(() => {
      const sim = (window as unknown as { ramkoll: { sim: { table(n: string): { headers: string[]; rows: unknown[][] } } } }).ramkoll.sim;
      const t = sim.table("Statsbidrag");
      return t.rows.map((r) => String(r[t.headers.indexOf("Fördelningsregel")]));
    });
    expect(rule).toContain("Fast per aktivitet");
    // Accepted, the same proposal is not offered again.
    await recompute(page);
    await expect(outcome(page).getByRole("region", { name: /^Förslag: Professionsmiljarden 2016/ }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  test("speaks English when Office's display language is English", async () => {
    const { page, errors } = await open("?lang=en&latency=0");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en-US");
    await expect(pane(page).locator("main").getAttribute("lang")).resolves.toBe("en-US");
    await expect(pane(page).getByRole("combobox", { name: "Model" }).locator("option:checked").innerText()).resolves.toBe("Budget frames and reallocations");
    await pane(page).getByRole("checkbox", { name: "Fill with example data" }).waitFor();
    for (const name of ["Create the model", "Recompute", "Freeze version", "Protect", "Unprotect"]) {
      await expect(button(page, name).count()).resolves.toBe(1);
    }
    await button(page, "Create the model").click();
    await outcome(page).getByRole("heading", { name: "The model is created" }).waitFor();
    expect(await outcome(page).innerText()).toContain("No problems flagged");
    await screenshot(pane(page), "taskpane-english.png");
    await type(page, "N4", "4,5 mkrr");
    await button(page, "Recompute").click();
    await pane(page).getByText("Ramkoll wrote nothing").waitFor();
    await expect(pane(page).getByRole("heading", { name: "Problems (1)" }).count()).resolves.toBe(1);
    await expect(pane(page).getByRole("button", { name: /^Go to Budget!N4 \(table Omdisponeringar, row 1, column Belopp per år\)$/ }).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });

  test("a budget round: freeze a version, change an amount, compare, protect and unprotect", async () => {
    const { page, errors } = await open("?latency=0");
    await create(page);
    await button(page, "Fastställ version").click();
    await outcome(page).getByRole("heading", { name: "Versionen är fastställd" }).waitFor();
    const version = (await sheetNames(page)).find((s) => s.startsWith("Version "));
    expect(version).toBeDefined();
    await type(page, "N4", "5000000");
    await pane(page).getByRole("combobox", { name: "Version" }).locator(`option[value="${version}"]`).waitFor({ state: "attached" });
    await button(page, "Jämför").click();
    await outcome(page).getByRole("heading", { name: "Jämförelsen är klar" }).waitFor();
    const compared = (await outcome(page).innerText()).replace(/\u00a0/g, " ");
    expect(compared).toContain("Skrivet på bladet Jämförelse");
    // The amount typed, and the frames it moves: 13 differences.
    expect(compared).toContain("13 skillnader");
    expect(compared).toContain("Omdisponeringar HSN/1222/2023, Belopp per år: 4 500 000 kr → 5 000 000 kr (+500 000 kr)");
    expect(compared).toContain("Budgetramar RS 2024, Ram om förslagen bifalls: 916 900 000 kr → 917 400 000 kr (+500 000 kr)");
    await expect(page.getByRole("tab", { name: "Jämförelse" }).count()).resolves.toBe(1);

    await pane(page).getByLabel("Lösenord för skyddet (valfritt)").fill("hemligt");
    await button(page, "Skydda").click();
    await outcome(page).getByRole("heading", { name: "Modellen är skyddad" }).waitFor();
    await button(page, "Ta bort skydd").click();
    await outcome(page).getByRole("heading", { name: "Skyddet är borttaget" }).waitFor();
    expect(errors).toEqual([]);
  });

  describe("accessibility", () => {
    /** Role and accessible name of the focused element, as the accessibility tree has them. */
    async function focused(page: Page): Promise<string> {
      const snap = await page.locator(":focus").ariaSnapshot();
      const m = /^- (\w+)(?: "((?:[^"\\]|\\.)*)")?/.exec(snap.split("\n")[0]);
      return m ? (m[2] === undefined ? m[1] : `${m[1]} "${m[2]}"`) : snap;
    }

    /** Presses Tab until `done` or the focus leaves the task pane; the descriptions on the way. */
    async function tabThroughPane(page: Page, limit = 40): Promise<string[]> {
      const seen: string[] = [];
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press("Tab");
        const inPane = await page.evaluate(() => !!document.activeElement?.closest("aside.pane"));
        if (!inPane) break;
        seen.push(await focused(page));
      }
      return seen;
    }

    test("every control has an accessible name", async () => {
      const { page } = await open("?latency=0");
      await create(page);
      await type(page, "N4", "4,5 mkrr");
      await recompute(page);
      const tree = await page.locator("body").ariaSnapshot();
      const controls = tree.split("\n").filter((line) => /^\s*- (button|checkbox|combobox|textbox|link|tab|progressbar|gridcell)\b/.test(line));
      expect(controls.length).toBeGreaterThan(20);
      const unnamed = controls.filter((line) => !/^\s*- \w+ "[^"]+"/.test(line) && !/^\s*- gridcell\b/.test(line));
      expect(unnamed).toEqual([]);
      // The pane's own controls, by name.
      const paneTree = await pane(page).ariaSnapshot();
      for (const expected of ['combobox "Modell"', 'checkbox "Fyll med exempeldata"', 'button "Skapa modellen"', 'button "Räkna om"', 'textbox "Lösenord för skyddet (valfritt)"']) {
        expect(paneTree).toContain(expected);
      }
    });

    test("Tab reaches the main controls in order, and Enter on a problem selects its cell", async () => {
      const { page } = await open("?latency=0");
      const order = await tabThroughPane(page);
      expect(order).toEqual([
        'combobox "Modell"',
        'checkbox "Fyll med exempeldata"',
        'button "Skapa modellen"',
        'button "Räkna om"',
        'button "Fastställ version"',
        'textbox "Lösenord för skyddet (valfritt)"',
        'button "Skydda"',
        'button "Ta bort skydd"',
      ]);

      // Everything by keyboard: create, type a bad amount, recompute, go to the problem.
      await pane(page).getByRole("button", { name: "Skapa modellen" }).focus();
      await page.keyboard.press("Enter");
      await outcome(page).getByRole("heading", { name: "Modellen är skapad" }).waitFor();
      await type(page, "N4", "4,5 mkrr");
      await cell(page, "A1").click();
      await pane(page).getByRole("button", { name: "Räkna om" }).focus();
      await page.keyboard.press("Space");
      await pane(page).getByText("Ramkoll skrev ingenting").waitFor();
      const after = await tabThroughPane(page);
      const link = after.findIndex((d) => d.startsWith('button "Gå till Budget!N4'));
      expect(after.slice(0, 2)).toEqual(['button "Stäng"', expect.stringMatching(/^button "Gå till Budget!N4/)]);
      expect(link).toBe(1);
      // Back to the link, and Enter.
      await pane(page).getByRole("button", { name: /^Gå till Budget!N4/ }).focus();
      await page.keyboard.press("Enter");
      await page.getByTestId("name-box").filter({ hasText: /^N4$/ }).waitFor();
      expect(await selection(page)).toBe("Budget!N4");
      await expect(cell(page, "N4").getAttribute("aria-selected")).resolves.toBe("true");
    });

    test("text in the task pane has enough contrast (WCAG AA)", async () => {
      const { page } = await open("?latency=0");
      await create(page);
      await type(page, "N4", "4,5 mkrr");
      await recompute(page);
      const failures = await pane(page).evaluate((root) => {
        const parse = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
        const luminance = ([r, g, b]: number[]) => {
          const lin = (v: number) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          };
          return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
        };
        const background = (el: Element | null): number[] => {
          for (let e = el; e; e = e.parentElement) {
            const c = parse(getComputedStyle(e).backgroundColor);
            if (c.length >= 3 && (c.length === 3 || c[3] > 0.5)) return c.slice(0, 3);
          }
          return [255, 255, 255];
        };
        const out: string[] = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const el = node.parentElement;
          if (!el || !node.textContent?.trim()) continue;
          const style = getComputedStyle(el);
          if (style.visibility === "hidden" || style.display === "none" || el.closest("[aria-hidden='true']")) continue;
          const fg = luminance(parse(style.color));
          const bg = luminance(background(el));
          const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
          const size = parseFloat(style.fontSize);
          const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
          const disabled = !!el.closest("[disabled], [aria-disabled='true']");
          if (!disabled && ratio < (large ? 3 : 4.5)) out.push(`${node.textContent.trim().slice(0, 40)}: ${ratio.toFixed(2)}`);
        }
        return out;
      });
      expect(failures).toEqual([]);
    });
  });
});
