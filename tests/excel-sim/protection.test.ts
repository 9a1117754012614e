import { ExcelSimulator, isOfficeError } from './index';

async function code(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
  } catch (e) {
    if (isOfficeError(e)) return e.code;
    throw e;
  }
  return null;
}

async function protectedSheet(sim: ExcelSimulator, options?: Excel.WorksheetProtectionOptions, password?: string): Promise<void> {
  await sim.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    ws.getRange('A1:B2').values = [
      ['Låst', 'Indata'],
      [1, 2],
    ];
    ws.getRange('B2').format.protection.locked = false;
    ws.getRange('D:D').format.protection.locked = false;
    await ctx.sync();
    ws.protection.protect(options, password);
  });
}

describe('worksheet protection', () => {
  test('protected is loadable', async () => {
    const sim = new ExcelSimulator();
    await protectedSheet(sim);
    const out = await sim.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem('Sheet1').protection;
      p.load('protected');
      await ctx.sync();
      return p.protected;
    });
    expect(out).toBe(true);
  });

  test('writing to a locked cell fails with AccessDenied and changes nothing', async () => {
    const sim = new ExcelSimulator();
    await protectedSheet(sim);
    const before = sim.snapshot();
    expect(await code(sim.run(async (ctx) => void (ctx.workbook.worksheets.getItem('Sheet1').getRange('A2').values = [[9]])))).toBe(
      'AccessDenied',
    );
    // even when the locked cell's entry is null, the write covers it (Microsoft Graph issue #4546)
    expect(
      await code(sim.run(async (ctx) => void (ctx.workbook.worksheets.getItem('Sheet1').getRange('A2:B2').values = [[null, 5]]))),
    ).toBe('AccessDenied');
    expect(sim.snapshot()).toBe(before);
  });

  test('unlocked cells, including whole unlocked columns, can be written', async () => {
    const sim = new ExcelSimulator();
    await protectedSheet(sim);
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('B2').values = [[20]];
      ws.getRange('D5:D6').values = [[1], [2]];
    });
    expect([sim.getValue('B2'), sim.getValue('D6')]).toEqual([20, 2]);
  });

  test('a person typing into a locked cell is refused as well', async () => {
    const sim = new ExcelSimulator();
    await protectedSheet(sim);
    expect(() => sim.setCell('A2', 5)).toThrow(expect.objectContaining({ code: 'AccessDenied' }));
    sim.setCell('B2', 5);
    expect(sim.getValue('B2')).toBe(5);
  });

  test('formatting, locking, tables, validation and clearing locked cells are refused unless allowed', async () => {
    const sim = new ExcelSimulator();
    await protectedSheet(sim);
    const run = (f: (ws: Excel.Worksheet) => void) => code(sim.run(async (ctx) => f(ctx.workbook.worksheets.getItem('Sheet1'))));
    expect(await run((ws) => void (ws.getRange('B2').format.font.bold = true))).toBe('AccessDenied');
    expect(await run((ws) => void (ws.getRange('B2').numberFormat = [['0.00']]))).toBe('AccessDenied');
    expect(await run((ws) => void (ws.getRange('B2').format.protection.locked = true))).toBe('AccessDenied');
    expect(await run((ws) => void (ws.getRange('A:A').format.columnWidth = 80))).toBe('AccessDenied');
    expect(await run((ws) => void ws.tables.add('D1:D2', true))).toBe('AccessDenied');
    expect(await run((ws) => void (ws.getRange('D1').dataValidation.rule = { list: { inCellDropDown: true, source: 'a,b' } }))).toBe(
      'AccessDenied',
    );
    expect(await run((ws) => ws.getRange('A1:B2').clear('Contents'))).toBe('AccessDenied');
    expect(await run((ws) => ws.protection.protect())).toBe('InvalidOperation');
  });

  test('protection options allow formatting', async () => {
    const sim = new ExcelSimulator();
    await protectedSheet(sim, { allowFormatCells: true, allowFormatColumns: true });
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1').format.font.bold = true;
      ws.getRange('A:A').format.columnWidth = 80;
    });
    const opts = await sim.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem('Sheet1').protection;
      p.load('options');
      await ctx.sync();
      return p.options;
    });
    expect(opts).toEqual({ allowFormatCells: true, allowFormatColumns: true });
  });

  test('unprotect needs the password it was protected with', async () => {
    const sim = new ExcelSimulator();
    await protectedSheet(sim, undefined, 'hemligt');
    expect(await code(sim.run(async (ctx) => ctx.workbook.worksheets.getItem('Sheet1').protection.unprotect('fel')))).toBe('BadPassword');
    await sim.run(async (ctx) => ctx.workbook.worksheets.getItem('Sheet1').protection.unprotect('hemligt'));
    await sim.run(async (ctx) => void (ctx.workbook.worksheets.getItem('Sheet1').getRange('A2').values = [[7]]));
    expect(sim.getValue('A2')).toBe(7);
  });

  test('a whole sheet unlocked before protection can be written everywhere', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange().format.protection.locked = false;
      ws.getRange('C3').format.protection.locked = true;
      await ctx.sync();
      ws.protection.protect();
    });
    await sim.run(async (ctx) => void (ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B100').values = 1 as never));
    expect(sim.getValue('B100')).toBe(1);
    expect(await code(sim.run(async (ctx) => void (ctx.workbook.worksheets.getItem('Sheet1').getRange('C3').values = [[1]])))).toBe(
      'AccessDenied',
    );
  });
});
