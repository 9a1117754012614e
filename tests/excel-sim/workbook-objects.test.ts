import { ExcelSimulator, installGlobals, isOfficeError } from './index';

async function code(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
  } catch (e) {
    if (isOfficeError(e)) return e.code;
    throw e;
  }
  return null;
}

describe('settings', () => {
  test('add, getItem, getItemOrNullObject, items, value and delete', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      ctx.workbook.settings.add('ramkoll.version', 2);
      ctx.workbook.settings.add('ramkoll.senast', { år: 2024, nämnder: ['HSN', 'RS'], när: new Date('2024-03-01T00:00:00Z') });
    });
    const out = await sim.run(async (ctx) => {
      const v = ctx.workbook.settings.getItem('ramkoll.version');
      const s = ctx.workbook.settings.getItem('ramkoll.senast');
      const missing = ctx.workbook.settings.getItemOrNullObject('saknas');
      const all = ctx.workbook.settings;
      v.load('value');
      s.load('key, value');
      all.load('items/key');
      await ctx.sync();
      return { v: v.value, s: s.value, key: s.key, missing: missing.isNullObject, keys: all.items.map((i) => i.key) };
    });
    expect(out.v).toBe(2);
    expect(out.s).toEqual({ år: 2024, nämnder: ['HSN', 'RS'], när: new Date('2024-03-01T00:00:00Z') });
    expect(out.key).toBe('ramkoll.senast');
    expect(out.missing).toBe(true);
    expect(out.keys).toEqual(['ramkoll.version', 'ramkoll.senast']);

    await sim.run(async (ctx) => {
      ctx.workbook.settings.getItem('ramkoll.version').value = 3;
      ctx.workbook.settings.add('ramkoll.senast', 'ersatt'); // add replaces an existing key
      ctx.workbook.settings.getItem('ramkoll.version').delete();
    });
    expect(JSON.parse(sim.snapshot()).settings).toEqual({ 'ramkoll.senast': 'ersatt' });
    expect(await code(sim.run(async (ctx) => void ctx.workbook.settings.getItem('ramkoll.version')))).toBe('ItemNotFound');
  });

  test('values that are not JSON are refused', async () => {
    const sim = new ExcelSimulator();
    expect(await code(sim.run(async (ctx) => void ctx.workbook.settings.add('f', () => 1)))).toBe('InvalidArgument');
  });
});

describe('charts', () => {
  test('add, name, title, position, series, items, getItemOrNullObject and delete', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:C4').values = [
        ['Månad', 'Budget', 'Utfall'],
        ['jan', 100, 90],
        ['feb', 100, 110],
        ['mar', 100, 95],
      ];
      const ch = ws.charts.add('ColumnClustered', ws.getRange('A1:C4'), 'Auto');
      ch.name = 'Avvikelse';
      ch.title.text = 'Budget mot utfall';
      ch.setPosition('E2', 'L20');
    });
    const out = await sim.run(async (ctx) => {
      const charts = ctx.workbook.worksheets.getItem('Sheet1').charts;
      charts.load('items/name, items/chartType');
      const ch = charts.getItem('Avvikelse');
      ch.title.load('text');
      ch.series.load('items/name');
      const missing = charts.getItemOrNullObject('Saknas');
      await ctx.sync();
      return {
        items: charts.items.map((c) => [c.name, c.chartType]),
        title: ch.title.text,
        series: ch.series.items.map((s) => s.name),
        missing: missing.isNullObject,
      };
    });
    expect(out).toEqual({ items: [['Avvikelse', 'ColumnClustered']], title: 'Budget mot utfall', series: ['Budget', 'Utfall'], missing: true });
    const snap = JSON.parse(sim.snapshot());
    expect(snap.sheets[0].charts[0]).toMatchObject({
      name: 'Avvikelse',
      type: 'ColumnClustered',
      source: 'Sheet1!A1:C4',
      seriesBy: 'Columns',
      title: { text: 'Budget mot utfall', visible: true },
      position: { startCell: 'Sheet1!E2', endCell: 'Sheet1!L20' },
    });
    await sim.run(async (ctx) => ctx.workbook.worksheets.getItem('Sheet1').charts.getItem('Avvikelse').delete());
    expect(JSON.parse(sim.snapshot()).sheets[0].charts).toEqual([]);
  });

  test('an unknown chart type is refused', async () => {
    const sim = new ExcelSimulator();
    const add = (type: string, src: (ws: Excel.Worksheet) => Excel.Range) =>
      code(
        sim.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem('Sheet1');
          ws.charts.add(type as Excel.ChartType, src(ws));
        }),
      );
    expect(await add('Pie3000', (ws) => ws.getRange('A1:B2'))).toBe('InvalidArgument');
    expect(await add('Pie', () => 'A1:B2' as unknown as Excel.Range)).toBe('InvalidArgument');
  });
});

describe('chart series formats', () => {
  /** A bridge: label, an invisible base, the visible step, as stacked columns. */
  async function bridge(sim: ExcelSimulator): Promise<void> {
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:C4').values = [
        ['Stapel', 'Bas', 'Steg'],
        ['Avvikelse', 0, -131.6],
        ['+ satsningar', -76.7, -54.9],
        ['Netto', 0, 10.4],
      ];
      const ch = ws.charts.add('ColumnStacked', ws.getRange('A1:C4'), 'Columns');
      ch.name = 'Brygga';
    });
  }

  test('clearing a fill leaves the series invisible; a solid colour and the line style are kept; the legend can go', async () => {
    const sim = new ExcelSimulator();
    await bridge(sim);
    expect(sim.charts('Sheet1')[0].series).toEqual([
      { name: 'Bas', fill: 'automatic', lineStyle: null },
      { name: 'Steg', fill: 'automatic', lineStyle: null },
    ]);
    await sim.run(async (ctx) => {
      const ch = ctx.workbook.worksheets.getItem('Sheet1').charts.getItem('Brygga');
      const base = ch.series.getItemAt(0).format;
      base.fill.clear();
      base.line.lineStyle = 'None';
      ch.series.getItemAt(1).format.fill.setSolidColor('#4472c4');
      ch.legend.visible = false;
    });
    const [chart] = sim.charts('Sheet1');
    expect(chart.type).toBe('ColumnStacked');
    expect(chart.legend).toBe(false);
    expect(chart.series).toEqual([
      { name: 'Bas', fill: 'none', lineStyle: 'None' },
      { name: 'Steg', fill: '#4472C4', lineStyle: null },
    ]);
    expect(JSON.parse(sim.snapshot()).sheets[0].charts[0].seriesFormat).toEqual({ 0: { fill: 'none', lineStyle: 'None' }, 1: { fill: '#4472C4' } });
    // A line style once set is read back through load and sync; before that, a read is refused.
    const style = await sim.run(async (ctx) => {
      const line = ctx.workbook.worksheets.getItem('Sheet1').charts.getItem('Brygga').series.getItemAt(0).format.line;
      line.load('lineStyle');
      await ctx.sync();
      return line.lineStyle;
    });
    expect(style).toBe('None');
    const unread = await code(
      sim.run(async (ctx) => {
        const line = ctx.workbook.worksheets.getItem('Sheet1').charts.getItem('Brygga').series.getItemAt(0).format.line;
        return line.lineStyle;
      }),
    );
    expect(unread).toBe('PropertyNotLoaded');
  });

  test('a line style the chart style gives is not known to the simulator: reading it is refused, not guessed', async () => {
    const sim = new ExcelSimulator();
    await bridge(sim);
    const read = sim.run(async (ctx) => {
      const line = ctx.workbook.worksheets.getItem('Sheet1').charts.getItem('Brygga').series.getItemAt(1).format.line;
      line.load('lineStyle');
      await ctx.sync();
    });
    await expect(read).rejects.toThrow(/cannot reproduce this faithfully/);
  });

  test('a series beyond the chart, an unknown colour or line style, and a protected sheet are refused as Excel refuses them', async () => {
    const sim = new ExcelSimulator();
    await bridge(sim);
    const on = (f: (ch: Excel.Chart) => void) => code(sim.run(async (ctx) => f(ctx.workbook.worksheets.getItem('Sheet1').charts.getItem('Brygga'))));
    expect(await on((ch) => ch.series.getItemAt(2).format.fill.clear())).toBe('InvalidArgument');
    expect(await on((ch) => ch.series.getItemAt(1).format.fill.setSolidColor('ingen färg'))).toBe('InvalidArgument');
    expect(await on((ch) => void (ch.series.getItemAt(1).format.line.lineStyle = 'Osynlig' as Excel.ChartLineStyle))).toBe('InvalidArgument');
    // A failed request keeps nothing after the failure, and nothing was formatted before it.
    expect(sim.charts('Sheet1')[0].series.map((s) => s.fill)).toEqual(['automatic', 'automatic']);
    await sim.run(async (ctx) => ctx.workbook.worksheets.getItem('Sheet1').protection.protect({ allowEditObjects: false }));
    expect(await on((ch) => ch.series.getItemAt(0).format.fill.clear())).toBe('AccessDenied');
    // The series of a deleted chart are gone with it.
    await sim.run(async (ctx) => ctx.workbook.worksheets.getItem('Sheet1').protection.unprotect());
    const after = sim.run(async (ctx) => {
      const ch = ctx.workbook.worksheets.getItem('Sheet1').charts.getItem('Brygga');
      const fill = ch.series.getItemAt(0).format.fill;
      ch.delete();
      fill.clear();
    });
    expect(await code(after)).toBe('ItemNotFound');
  });

  test('new source data for a chart with formatted series is refused: how Excel carries the formats over is not simulated', async () => {
    const sim = new ExcelSimulator();
    await bridge(sim);
    const run = sim.run(async (ctx) => {
      const ch = ctx.workbook.worksheets.getItem('Sheet1').charts.getItem('Brygga');
      ch.series.getItemAt(0).format.fill.clear();
      ch.setData(ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B4'), 'Columns');
    });
    expect(await code(run)).toBe('NotImplemented');
  });
});

describe('workbook properties and application', () => {
  test('properties are loadable and settable; calculation mode is Automatic', async () => {
    const sim = new ExcelSimulator({ userName: 'Karin Ekonom' });
    const out = await sim.run(async (ctx) => {
      ctx.workbook.properties.title = 'Budget 2025';
      const p = ctx.workbook.properties;
      p.load('title, author');
      const app = ctx.workbook.application;
      app.load('calculationMode');
      await ctx.sync();
      return [p.title, p.author, app.calculationMode];
    });
    expect(out).toEqual(['Budget 2025', 'Karin Ekonom', 'Automatic']);
    expect(await code(sim.run(async (ctx) => void (ctx.workbook.application.calculationMode = 'Manual')))).toBe('NotImplemented');
  });
});

describe('snapshot', () => {
  async function build(sim: ExcelSimulator): Promise<void> {
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add('Budget');
      ws.getRange('A1:C3').values = [
        ['Nämnd', 'Belopp', 'Dubbelt'],
        ['HSN', 10, null],
        ['RS', 20, null],
      ];
      ws.tables.add('A1:C3', true).name = 'Ramar';
      await ctx.sync();
      ws.getRange('C2:C3').formulas = [['=[@Belopp]*2'], ['=[@Belopp]*2']];
      ws.getRange('B2:C3').numberFormat = [['#,##0', '#,##0'], ['#,##0', '#,##0']];
      ws.getRange('A1:C1').format.font.bold = true;
      ws.getRange('B2').dataValidation.rule = { decimal: { operator: 'GreaterThanOrEqualTo', formula1: 0 } };
      ctx.workbook.settings.add('k', 'v');
    });
  }

  test('deterministic: the same steps give the same snapshot', async () => {
    const a = new ExcelSimulator();
    const b = new ExcelSimulator();
    await build(a);
    await build(b);
    expect(a.snapshot()).toBe(b.snapshot());
    const snap = JSON.parse(a.snapshot());
    expect(snap.tables[0]).toMatchObject({ name: 'Ramar', address: 'Budget!A1:C3', columns: ['Nämnd', 'Belopp', 'Dubbelt'] });
    expect(snap.sheets[1].cells.C3).toEqual({ f: '=[@Belopp]*2', v: 40, fmt: { numberFormat: '#,##0' } });
  });

  test('a read-only batch leaves it unchanged', async () => {
    const sim = new ExcelSimulator();
    await build(sim);
    const before = sim.snapshot();
    await sim.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem('Ramar');
      const body = t.getDataBodyRange();
      body.load('values, formulas, numberFormat, text, address');
      t.columns.load('items/name');
      ctx.workbook.worksheets.load('items/name');
      ctx.workbook.settings.load('items/key,items/value');
      ctx.workbook.worksheets.getItem('Budget').getUsedRange().load('address');
      await ctx.sync();
      expect(body.values).toEqual([
        ['HSN', 10, 20],
        ['RS', 20, 40],
      ]);
    });
    expect(sim.snapshot()).toBe(before);
  });
});

describe('installGlobals', () => {
  test('global Excel.run, enums and Office.onReady work against the simulator', async () => {
    const sim = new ExcelSimulator({ displayLanguage: 'sv-SE' });
    const restore = installGlobals(sim);
    try {
      const info = await Office.onReady();
      expect(info.host).toBe('Excel');
      expect(Office.context.displayLanguage).toBe('sv-SE');
      expect(Excel.ClearApplyTo.contents).toBe('Contents');
      expect(Excel.ChartType.columnClustered).toBe('ColumnClustered');
      const v = await Excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getActiveWorksheet().getRange('A1');
        r.values = [[41]];
        r.formulas = [['=1+41']];
        r.load('values');
        await ctx.sync();
        return r.values[0][0];
      });
      expect(v).toBe(42);
    } finally {
      restore();
    }
    expect((globalThis as Record<string, unknown>).Excel).toBeUndefined();
  });
});
