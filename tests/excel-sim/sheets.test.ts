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

describe('worksheet names', () => {
  const cases: [string, string | null][] = [
    ['Budget', null],
    ['Återredovisning', null],
    ['Månadsrapport', null],
    ['Min flik 2024', null],
    ['x'.repeat(31), null],
    ['x'.repeat(32), 'InvalidArgument'],
    ['', 'InvalidArgument'],
    ['   ', 'InvalidArgument'],
    ['a:b', 'InvalidArgument'],
    ['a\\b', 'InvalidArgument'],
    ['a/b', 'InvalidArgument'],
    ['a?b', 'InvalidArgument'],
    ['a*b', 'InvalidArgument'],
    ['a[b', 'InvalidArgument'],
    ['a]b', 'InvalidArgument'],
    ["'quoted", 'InvalidArgument'],
    ['History', 'InvalidArgument'],
    ['sheet1', 'ItemAlreadyExists'],
  ];
  test.each(cases)('add %j → %s', async (name, expected) => {
    const sim = new ExcelSimulator();
    expect(await code(sim.run(async (ctx) => void ctx.workbook.worksheets.add(name)))).toBe(expected);
    if (expected === null) expect(sim.sheetNames()).toEqual(['Sheet1', name]);
    else expect(sim.sheetNames()).toEqual(['Sheet1']);
  });

  test('renaming follows the same rules; renaming to another case of the same name is allowed', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => void ctx.workbook.worksheets.add('Budget'));
    expect(await code(sim.run(async (ctx) => void (ctx.workbook.worksheets.getItem('Budget').name = 'SHEET1')))).toBe('ItemAlreadyExists');
    expect(await code(sim.run(async (ctx) => void (ctx.workbook.worksheets.getItem('Budget').name = 'a/b')))).toBe('InvalidArgument');
    await sim.run(async (ctx) => void (ctx.workbook.worksheets.getItem('Budget').name = 'BUDGET'));
    expect(sim.sheetNames()).toEqual(['Sheet1', 'BUDGET']);
  });

  test('add without a name picks the next SheetN', async () => {
    const sim = new ExcelSimulator();
    const names = await sim.run(async (ctx) => {
      const a = ctx.workbook.worksheets.add();
      const b = ctx.workbook.worksheets.add();
      a.load('name');
      b.load('name');
      await ctx.sync();
      return [a.name, b.name];
    });
    expect(names).toEqual(['Sheet2', 'Sheet3']);
  });
});

describe('worksheet collection and worksheet', () => {
  test('getItem is case-insensitive and also takes the id; items list name, position and visibility', async () => {
    const sim = new ExcelSimulator();
    const out = await sim.run(async (ctx) => {
      const added = ctx.workbook.worksheets.add('Budget');
      added.load('id');
      await ctx.sync();
      const byName = ctx.workbook.worksheets.getItem('budget');
      const byId = ctx.workbook.worksheets.getItem(added.id);
      byName.load('name');
      byId.load('name');
      const all = ctx.workbook.worksheets;
      all.load('items/name,items/position,items/visibility');
      await ctx.sync();
      return { byName: byName.name, byId: byId.name, items: all.items.map((s) => [s.name, s.position, s.visibility]) };
    });
    expect(out).toEqual({
      byName: 'Budget',
      byId: 'Budget',
      items: [
        ['Sheet1', 0, 'Visible'],
        ['Budget', 1, 'Visible'],
      ],
    });
  });

  test('position moves a sheet; activate and getActiveWorksheet', async () => {
    const sim = new ExcelSimulator();
    const out = await sim.run(async (ctx) => {
      ctx.workbook.worksheets.add('A');
      const b = ctx.workbook.worksheets.add('B');
      b.position = 0;
      b.activate();
      const active = ctx.workbook.worksheets.getActiveWorksheet();
      active.load('name, position');
      await ctx.sync();
      return [active.name, active.position];
    });
    expect(out).toEqual(['B', 0]);
    expect(sim.sheetNames()).toEqual(['B', 'Sheet1', 'A']);
    expect(await code(sim.run(async (ctx) => void (ctx.workbook.worksheets.getItem('A').position = 3)))).toBe('InvalidArgument');
  });

  test('delete: the last visible sheet cannot go; a deleted sheet is gone for later actions', async () => {
    const sim = new ExcelSimulator();
    expect(await code(sim.run(async (ctx) => ctx.workbook.worksheets.getItem('Sheet1').delete()))).toBe('InvalidOperation');
    await sim.run(async (ctx) => {
      const b = ctx.workbook.worksheets.add('B');
      await ctx.sync();
      b.delete();
      await ctx.sync();
      b.getRange('A1').values = [[1]];
      let err: unknown;
      try {
        await ctx.sync();
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({ code: 'ItemNotFound' });
    });
    expect(sim.sheetNames()).toEqual(['Sheet1']);
  });

  test('hiding: not the last visible sheet; a hidden sheet cannot be activated', async () => {
    const sim = new ExcelSimulator();
    expect(await code(sim.run(async (ctx) => void (ctx.workbook.worksheets.getItem('Sheet1').visibility = 'Hidden')))).toBe('InvalidOperation');
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.add('Dold');
      s.visibility = 'Hidden';
    });
    expect(await code(sim.run(async (ctx) => ctx.workbook.worksheets.getItem('Dold').activate()))).toBe('InvalidOperation');
    const count = await sim.run(async (ctx) => {
      const all = ctx.workbook.worksheets.getCount(true);
      await ctx.sync();
      return all.value;
    });
    expect(count).toBe(1);
  });

  test('deleting a sheet removes its tables and makes references to it #REF!', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      const b = ctx.workbook.worksheets.add('Data');
      b.getRange('A1:A2').values = [['x'], [5]];
      b.tables.add('A1:A2', true).name = 'Dat';
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').formulas = [['=Data!A2', '=SUM(Dat[x])']];
    });
    expect([sim.getValue('A1'), sim.getValue('B1')]).toEqual([5, 5]);
    await sim.run(async (ctx) => ctx.workbook.worksheets.getItem('Data').delete());
    expect(sim.tableNames()).toEqual([]);
    expect([sim.getValue('A1'), sim.getValue('B1')]).toEqual(['#REF!', '#REF!']);
  });

  test('freeze panes and tab colour are kept as data', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.freezePanes.freezeRows(1);
      ws.tabColor = '#ff0000';
    });
    const snap = JSON.parse(sim.snapshot());
    expect(snap.sheets[0].freeze).toEqual({ rows: 1, columns: 0 });
    expect(snap.sheets[0].tabColor).toBe('#FF0000');
  });
});
