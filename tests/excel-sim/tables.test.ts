import { ExcelSimulator, isOfficeError } from './index';

async function officeError(p: Promise<unknown>): Promise<{ code: string; message: string } | null> {
  try {
    await p;
  } catch (e) {
    if (isOfficeError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  return null;
}

async function withData(sim: ExcelSimulator, values: (string | number | null)[][], address: string): Promise<void> {
  await sim.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').getRange(address).values = values;
  });
}

describe('creating tables', () => {
  test('headers come from the first row; blanks become ColumnN and duplicates get a number', async () => {
    const sim = new ExcelSimulator();
    await withData(
      sim,
      [
        ['Belopp', null, 'belopp', 2024, 'Belopp'],
        [1, 2, 3, 4, 5],
      ],
      'A1:E2',
    );
    const names = await sim.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem('Sheet1').tables.add('A1:E2', true);
      t.columns.load('items/name, items/index');
      t.load('name');
      await ctx.sync();
      return { table: t.name, cols: t.columns.items.map((c) => `${c.index}:${c.name}`) };
    });
    expect(names.table).toBe('Table1');
    expect(names.cols).toEqual(['0:Belopp', '1:Column2', '2:belopp2', '3:2024', '4:Belopp3']);
    expect(sim.getValue('Sheet1!D1')).toBe('2024'); // header cells hold text
    expect(sim.table('Table1').headers).toEqual(['Belopp', 'Column2', 'belopp2', '2024', 'Belopp3']);
  });

  test('a header-only range gets one empty data row; a table always has one', async () => {
    const sim = new ExcelSimulator();
    await withData(sim, [['A', 'B']], 'A1:B1');
    await sim.run(async (ctx) => {
      ctx.workbook.tables.add('Sheet1!A1:B1', true).name = 'Tom';
    });
    expect(sim.table('Tom')).toEqual({ sheet: 'Sheet1', address: 'Sheet1!A1:B2', headers: ['A', 'B'], rows: [['', '']] });
    const count = await sim.run(async (ctx) => {
      const n = ctx.workbook.tables.getItem('Tom').rows.getCount();
      await ctx.sync();
      return n.value;
    });
    expect(count).toBe(1);
  });

  test('a table cannot overlap another table', async () => {
    const sim = new ExcelSimulator();
    await withData(sim, [['A', 'B', 'C'], [1, 2, 3], [4, 5, 6]], 'A1:C3');
    await sim.run(async (ctx) => void ctx.workbook.worksheets.getItem('Sheet1').tables.add('A1:B3', true));
    const err = await officeError(sim.run(async (ctx) => void ctx.workbook.worksheets.getItem('Sheet1').tables.add('B2:C3', true)));
    expect(err).toEqual({ code: 'InvalidArgument', message: "A table can't overlap another table." });
    expect(sim.tableNames()).toEqual(['Table1']);
  });

  test('hasHeaders = false is refused by the simulator (Excel would insert a row)', async () => {
    const sim = new ExcelSimulator();
    const err = await officeError(sim.run(async (ctx) => void ctx.workbook.tables.add('Sheet1!A1:B2', false)));
    expect(err?.code).toBe('NotImplemented');
  });

  test('workbook.tables.add without a sheet uses the active sheet; worksheet.tables.add refuses another sheet', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.add('Rapport');
      r.activate();
      r.getRange('A1:B2').values = [
        ['x', 'y'],
        [1, 2],
      ];
      await ctx.sync();
      ctx.workbook.tables.add('A1:B2', true).name = 'Aktiv';
    });
    expect(sim.table('Aktiv').sheet).toBe('Rapport');
    const err = await officeError(sim.run(async (ctx) => void ctx.workbook.worksheets.getItem('Sheet1').tables.add('Rapport!D1:E2', true)));
    expect(err?.code).toBe('InvalidArgument');
  });

  test('tables.add accepts a Range object', async () => {
    const sim = new ExcelSimulator();
    await withData(sim, [['x'], [1]], 'C3:C4');
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.tables.add(ws.getRange('C3:C4'), true).name = 'FranRange';
    });
    expect(sim.table('FranRange').address).toBe('Sheet1!C3:C4');
  });
});

describe('table names', () => {
  const cases: [string, string | null][] = [
    ['Ramar_2024', null],
    ['_intern', null],
    ['\\special', null],
    ['Återredovisning', null],
    ['Tabell.1', null],
    ['Min tabell', 'InvalidArgument'],
    ['1Tabell', 'InvalidArgument'],
    ['A1', 'InvalidArgument'],
    ['XFD1048576', 'InvalidArgument'],
    ['R1C1', 'InvalidArgument'],
    ['R', 'InvalidArgument'],
    ['c', 'InvalidArgument'],
    ['Tabell-1', 'InvalidArgument'],
    ['', 'InvalidArgument'],
    ['x'.repeat(256), 'InvalidArgument'],
    ['ABC1234567', null], // beyond the grid's rows: not a cell reference
    ['table2', 'ItemAlreadyExists'], // unique ignoring case
  ];
  test.each(cases)('%s → %s', async (name, code) => {
    const sim = new ExcelSimulator();
    await withData(sim, [['a'], [1], [null], ['b'], [2]], 'A1:A5');
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.tables.add('A1:A2', true);
      ws.tables.add('A4:A5', true).name = 'Table2';
    });
    const err = await officeError(
      sim.run(async (ctx) => {
        ctx.workbook.tables.getItem('Table1').name = name;
      }),
    );
    expect(err?.code ?? null).toBe(code);
    if (code === null) expect(sim.tableNames()).toContain(name);
  });
});

describe('changing tables', () => {
  async function twoRows(sim: ExcelSimulator): Promise<void> {
    await withData(
      sim,
      [
        ['Nämnd', 'Belopp'],
        ['HSN', 100],
        ['RS', 200],
      ],
      'A1:B3',
    );
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').tables.add('A1:B3', true).name = 'Ramar';
    });
  }

  test('writing right below a table does not grow it; resize does', async () => {
    const sim = new ExcelSimulator();
    await twoRows(sim);
    await withData(sim, [['RUN', 300]], 'A4:B4');
    expect(sim.table('Ramar').address).toBe('Sheet1!A1:B3');
    await sim.run(async (ctx) => {
      ctx.workbook.tables.getItem('Ramar').resize('A1:B4');
    });
    expect(sim.table('Ramar').rows).toEqual([
      ['HSN', 100],
      ['RS', 200],
      ['RUN', 300],
    ]);
  });

  test('a person typing right below a table grows it and fills calculated columns', async () => {
    const sim = new ExcelSimulator();
    await twoRows(sim);
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('C1').values = [['Dubbelt']];
      ctx.workbook.tables.getItem('Ramar').resize('A1:C3');
      await ctx.sync();
      ws.getRange('C2:C3').formulas = [['=[@Belopp]*2'], ['=[@Belopp]*2']];
    });
    sim.setCell('A4', 'RUN');
    sim.setCell('B4', 300);
    expect(sim.table('Ramar').address).toBe('Sheet1!A1:C4');
    expect(sim.getFormula('C4')).toBe('=[@Belopp]*2');
    expect(sim.getValue('C4')).toBe(600);
  });

  test('a person typing right next to a table adds a column to it', async () => {
    const sim = new ExcelSimulator();
    await twoRows(sim);
    sim.setCell('C1', 'Kommentar');
    expect(sim.table('Ramar')).toMatchObject({ address: 'Sheet1!A1:C3', headers: ['Nämnd', 'Belopp', 'Kommentar'] });
    sim.setCell('D2', '=[@Belopp]/100');
    expect(sim.table('Ramar')).toMatchObject({ address: 'Sheet1!A1:D3', headers: ['Nämnd', 'Belopp', 'Kommentar', 'Column4'] });
    expect(sim.getValue('D3')).toBe(2); // a formula typed into a new, empty column fills it
    expect(() => sim.setCell('E1', '=1+1')).toThrow(expect.objectContaining({ code: 'NotImplemented' }));
  });

  test('resize rules: same header row, overlapping, no other table, at least one data row', async () => {
    const sim = new ExcelSimulator();
    await twoRows(sim);
    await withData(sim, [['x'], [1]], 'E1:E2');
    await sim.run(async (ctx) => void ctx.workbook.worksheets.getItem('Sheet1').tables.add('E1:E2', true));
    for (const addr of ['A2:B5', 'C1:D3', 'A1:E3', 'A1:B1']) {
      const err = await officeError(sim.run(async (ctx) => ctx.workbook.tables.getItem('Ramar').resize(addr)));
      expect([addr, err?.code]).toEqual([addr, 'InvalidArgument']);
    }
    const other = await officeError(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.add('Annan');
        ctx.workbook.tables.getItem('Ramar').resize('Annan!A1:B3');
      }),
    );
    expect(other?.code).toBe('InvalidArgument');
    // growing to the right takes the header cell (or ColumnN) as the new column's name
    await sim.run(async (ctx) => ctx.workbook.tables.getItem('Ramar').resize('A1:C2'));
    expect(sim.table('Ramar').headers).toEqual(['Nämnd', 'Belopp', 'Column3']);
    expect(sim.table('Ramar').rows).toEqual([['HSN', 100, '']]);
    expect(sim.getValue('C1')).toBe('Column3');
  });

  test('table ranges, columns, rows and worksheet', async () => {
    const sim = new ExcelSimulator();
    await twoRows(sim);
    const out = await sim.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem('Ramar');
      const ranges = [t.getRange(), t.getHeaderRowRange(), t.getDataBodyRange(), t.columns.getItem('Belopp').getDataBodyRange()];
      ranges.forEach((r) => r.load('address'));
      const col = t.columns.getItemOrNullObject('Saknas');
      const byIndex = t.columns.getItemAt(1);
      byIndex.load('name, values');
      t.worksheet.load('name');
      t.load('style, showTotals, id');
      const rows = t.rows;
      rows.load('items/values');
      await ctx.sync();
      return {
        addresses: ranges.map((r) => r.address),
        missing: col.isNullObject,
        byIndex: [byIndex.name, byIndex.values],
        sheet: t.worksheet.name,
        meta: [t.style, t.showTotals],
        rows: rows.items.map((r) => r.values),
      };
    });
    expect(out).toEqual({
      addresses: ['Sheet1!A1:B3', 'Sheet1!A1:B1', 'Sheet1!A2:B3', 'Sheet1!B2:B3'],
      missing: true,
      byIndex: ['Belopp', [['Belopp'], [100], [200]]],
      sheet: 'Sheet1',
      meta: ['TableStyleMedium2', false],
      rows: [[['HSN', 100]], [['RS', 200]]],
    });
  });

  test('getItem of a missing table or column fails at sync', async () => {
    const sim = new ExcelSimulator();
    await twoRows(sim);
    expect((await officeError(sim.run(async (ctx) => void ctx.workbook.tables.getItem('Saknas'))))?.code).toBe('ItemNotFound');
    expect((await officeError(sim.run(async (ctx) => void ctx.workbook.tables.getItem('Ramar').columns.getItem('Saknas'))))?.code).toBe(
      'ItemNotFound',
    );
    const nul = await sim.run(async (ctx) => {
      const t = ctx.workbook.tables.getItemOrNullObject('Saknas');
      await ctx.sync();
      return t.isNullObject;
    });
    expect(nul).toBe(true);
  });

  test('style must be a built-in table style', async () => {
    const sim = new ExcelSimulator();
    await twoRows(sim);
    await sim.run(async (ctx) => void (ctx.workbook.tables.getItem('Ramar').style = 'TableStyleLight9'));
    expect((await officeError(sim.run(async (ctx) => void (ctx.workbook.tables.getItem('Ramar').style = 'Fancy'))))?.code).toBe(
      'InvalidArgument',
    );
  });

  test('a header cannot hold a formula; a cleared header becomes ColumnN', async () => {
    const sim = new ExcelSimulator();
    await twoRows(sim);
    expect((await officeError(withData(sim, [['=1+1']], 'B1')))?.code).toBe('InvalidArgument');
    await withData(sim, [['']], 'B1');
    expect(sim.table('Ramar').headers).toEqual(['Nämnd', 'Column2']);
  });

  test('a header typed as a duplicate of another column gets the number, not the other column', async () => {
    const sim = new ExcelSimulator();
    await twoRows(sim);
    sim.setCell('E1', '=SUM(Ramar[Belopp])');
    await withData(sim, [['Belopp']], 'A1');
    expect(sim.table('Ramar').headers).toEqual(['Belopp2', 'Belopp']);
    expect(sim.getFormula('E1')).toBe('=SUM(Ramar[Belopp])');
    expect(sim.getValue('E1')).toBe(300);
  });

  test('API writes that calculated-column AutoCorrect would change are refused', async () => {
    const sim = new ExcelSimulator();
    await withData(
      sim,
      [
        ['Nämnd', 'Belopp', 'Dubbelt'],
        ['HSN', 100, null],
        ['RS', 200, null],
        ['RUN', 300, null],
      ],
      'A1:C4',
    );
    await sim.run(async (ctx) => void (ctx.workbook.worksheets.getItem('Sheet1').tables.add('A1:C4', true).name = 'Ramar'));
    const write = (addr: string, f: (string | number)[][]) =>
      officeError(sim.run(async (ctx) => void (ctx.workbook.worksheets.getItem('Sheet1').getRange(addr).formulas = f)));
    // a formula into part of an empty column: Excel would fill the rest
    expect((await write('C2', [['=[@Belopp]*2']]))?.code).toBe('NotImplemented');
    // different formulas in one column (office-js #5909): Excel would keep only one of them
    expect((await write('C2:C4', [['=1+1'], ['=2+2'], ['=3+3']]))?.code).toBe('NotImplemented');
    // the same formula in every data cell, as relative A1 references or in any structured spelling: fine
    expect(await write('C2:C4', [['=B2*2'], ['=B3*2'], ['=B4*2']])).toBeNull();
    expect(await write('C2:C4', [['=[@Belopp]*2'], ['=Ramar[@Belopp]*2'], ['=Ramar[[#This Row],[Belopp]]*2']])).toBeNull();
    expect(sim.table('Ramar').rows.map((r) => r[2])).toEqual([200, 400, 600]);
    // a different formula into part of the calculated column: refused; the same one or a constant: fine
    expect((await write('C3', [['=[@Belopp]*3']]))?.code).toBe('NotImplemented');
    expect(await write('C3', [['=[@Belopp]*2']])).toBeNull();
    expect(await write('C3', [[5]])).toBeNull();
    expect(sim.table('Ramar').rows.map((r) => r[2])).toEqual([200, 5, 600]);
    // outside tables nothing of this applies
    expect(await write('E2:E3', [['=1+1'], ['=2+2']])).toBeNull();
  });

  test('a person typing a formula into an empty or calculated column fills the column', async () => {
    const sim = new ExcelSimulator();
    await withData(
      sim,
      [
        ['Nämnd', 'Belopp', 'Dubbelt'],
        ['HSN', 100, null],
        ['RS', 200, null],
      ],
      'A1:C3',
    );
    await sim.run(async (ctx) => void (ctx.workbook.worksheets.getItem('Sheet1').tables.add('A1:C3', true).name = 'Ramar'));
    sim.setCell('C2', '=B2*2');
    expect(sim.getFormula('C3')).toBe('=B3*2');
    sim.setCell('C3', '=[@Belopp]*3'); // a new formula in a calculated column replaces it everywhere
    expect(sim.getFormula('C2')).toBe('=[@Belopp]*3');
    expect(sim.table('Ramar').rows.map((r) => r[2])).toEqual([300, 600]);
    sim.setCell('C2', 7); // a constant is an exception in that cell only
    expect(sim.table('Ramar').rows.map((r) => r[2])).toEqual([7, 600]);
  });

  test('deleting a table column shifts the columns to its right; references to it show #REF!', async () => {
    const sim = new ExcelSimulator();
    await withData(
      sim,
      [
        ['Nämnd', 'Gäller från', 'Belopp', null, 'utanför'],
        ['HSN', 45292, 100, null, 'x'],
        ['RS', 45300, 200, null, 'y'],
      ],
      'A1:E3',
    );
    await sim.run(async (ctx) => void (ctx.workbook.worksheets.getItem('Sheet1').tables.add('A1:C3', true).name = 'Ramar'));
    sim.setCell('A10', '=SUM(Ramar[Belopp])');
    sim.setCell('A11', '=SUM(Ramar[Gäller från])');
    await sim.run(async (ctx) => ctx.workbook.tables.getItem('Ramar').columns.getItem('Gäller från').delete());
    expect(sim.table('Ramar')).toEqual({ sheet: 'Sheet1', address: 'Sheet1!A1:B3', headers: ['Nämnd', 'Belopp'], rows: [['HSN', 100], ['RS', 200]] });
    expect([sim.getValue('D1'), sim.getValue('D3'), sim.getValue('E1')]).toEqual(['utanför', 'y', '']); // shifted left with the row band
    expect(sim.getValue('A10')).toBe(300);
    expect(sim.getValue('A11')).toBe('#REF!');
  });

  test('deleting a table column is refused when A1 references point into the cells that move', async () => {
    const sim = new ExcelSimulator();
    await twoRows(sim);
    sim.setCell('A10', '=B2*2');
    const err = await officeError(sim.run(async (ctx) => ctx.workbook.tables.getItem('Ramar').columns.getItemAt(0).delete()));
    expect(err?.code).toBe('NotImplemented');
    sim.setCell('A10', null);
    await sim.run(async (ctx) => ctx.workbook.tables.getItem('Ramar').columns.getItemAt(1).delete());
    const last = await officeError(sim.run(async (ctx) => ctx.workbook.tables.getItem('Ramar').columns.getItemAt(0).delete()));
    expect(last?.code).toBe('InvalidOperation');
  });

  test('rows.add and columns.add are refused with an explanation', async () => {
    const sim = new ExcelSimulator();
    await twoRows(sim);
    const err = await officeError(
      sim.run(async (ctx) => {
        ctx.workbook.tables.getItem('Ramar').rows.add(undefined, [['X', 1]]);
      }),
    );
    expect(err?.code).toBe('NotImplemented');
    expect(err?.message).toContain('resize');
  });
});
