import { ExcelSimulator, isOfficeError } from './index';

describe('read-only inspection: getText and usedRange', () => {
  it('gives Range.text of one cell in the simulator locale', async () => {
    const sim = new ExcelSimulator({ locale: 'sv-SE' });
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:B1').values = [[4500000, 'Text']];
      ws.getRange('A1').numberFormat = [['#,##0 "kr";-#,##0 "kr";0 "kr"']];
      ws.getRange('A2').formulas = [['=A1*2']];
      ws.getRange('A2').numberFormat = [['#,##0']];
      await ctx.sync();
    });
    expect(sim.getText('Sheet1!A1')).toBe('4\u00a0500\u00a0000 kr');
    expect(sim.getText('Sheet1!B1')).toBe('Text');
    expect(sim.getText('Sheet1!A2')).toBe('9\u00a0000\u00a0000');
    expect(sim.getText('Sheet1!C3')).toBe('');
    const before = sim.stats.syncs;
    sim.getText('Sheet1!A1');
    expect(sim.stats.syncs).toBe(before);
  });

  it('refuses the text of a formula whose format Excel would take from its precedents, as Range.text does', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1').values = [[5]];
      ws.getRange('A1').numberFormat = [['0.00']];
      ws.getRange('A2').formulas = [['=A1']];
      await ctx.sync();
    });
    let code: string | undefined;
    try {
      sim.getText('Sheet1!A2');
    } catch (e) {
      code = isOfficeError(e) ? e.code : 'other';
    }
    expect(code).toBe('NotImplemented');
  });

  it('gives the used range, formats and tables included, or null for an empty sheet', async () => {
    const sim = new ExcelSimulator();
    expect(sim.usedRange('Sheet1')).toBeNull();
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add('Min flik');
      ws.getRange('B2:C3').values = [['Organ', 'Ram'], ['HSN', 1]];
      ws.tables.add('Min flik!B2:C3', true).name = 'Ramar';
      ws.getRange('E7').format.fill.color = '#FFFF00';
      await ctx.sync();
    });
    expect(sim.usedRange('Min flik')).toBe("'Min flik'!B2:E7");
    sim.setCell("'Min flik'!G1", 'x');
    expect(sim.usedRange('min flik')).toBe("'Min flik'!B1:G7");
    expect(() => sim.usedRange('Saknas')).toThrow(expect.objectContaining({ code: 'ItemNotFound' }));
  });

  it('lists the charts of a sheet as added through the API', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:B3').values = [['Syfte', 'Beviljat'], ['Barn', 3], ['Äldre', 1]];
      const chart = ws.charts.add('ColumnClustered', ws.getRange('A1:B3'), 'Columns');
      chart.name = 'Beviljat per syfte';
      chart.title.text = 'Beviljat';
      await ctx.sync();
    });
    expect(sim.charts('Sheet1')).toEqual([
      {
        name: 'Beviljat per syfte',
        type: 'ColumnClustered',
        title: 'Beviljat',
        source: 'Sheet1!A1:B3',
        seriesBy: 'Columns',
        legend: true,
        series: [{ name: 'Beviljat', fill: 'automatic', lineStyle: null }],
      },
    ]);
    expect(() => sim.charts('Saknas')).toThrow(expect.objectContaining({ code: 'ItemNotFound' }));
  });
});
