import { ExcelSimulator, isOfficeError } from './index';
import { excelRound } from './values';
import { serialToDate } from './format';

async function officeCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isOfficeError(e)) return e.code;
    throw e;
  }
  return 'no error';
}

function formula(sim: ExcelSimulator, f: string, at = 'Sheet1!Z1'): unknown {
  sim.setCell(at, f);
  return sim.getValue(at);
}

describe('Excel-compatible functions', () => {
  test('ROUND works on the decimal representation, half away from zero', () => {
    const sim = new ExcelSimulator();
    expect(formula(sim, '=ROUND(1.005,2)')).toBe(1.01);
    expect(formula(sim, '=ROUND(-2.5,0)')).toBe(-3);
    expect(formula(sim, '=ROUND(2.5,0)')).toBe(3);
    expect(formula(sim, '=ROUND(1234.5,-1)')).toBe(1230);
    expect(formula(sim, '=ROUND(1235,-1)')).toBe(1240);
    expect(formula(sim, '=ROUND(2.675,2)')).toBe(2.68);
    expect(formula(sim, '=ROUND(0.285,2)')).toBe(0.29);
    expect(formula(sim, '=ROUND(-1.005,2)')).toBe(-1.01);
    expect(formula(sim, '=ROUND(1234567.891,-3)')).toBe(1235000);
    expect(formula(sim, '=ROUND(25000000/3,0)')).toBe(8333333);
    expect(formula(sim, '=ROUND(0.1+0.2,2)')).toBe(0.3);
    expect(formula(sim, '=ROUND("1.005",2)')).toBe(1.01);
  });

  test('ROUNDUP, ROUNDDOWN, TRUNC and INT as Excel', () => {
    const sim = new ExcelSimulator();
    expect(formula(sim, '=ROUNDUP(1.001,2)')).toBe(1.01);
    expect(formula(sim, '=ROUNDUP(-1.001,2)')).toBe(-1.01);
    expect(formula(sim, '=ROUNDDOWN(1.999,2)')).toBe(1.99);
    expect(formula(sim, '=ROUNDDOWN(4.35*100,0)')).toBe(435);
    expect(formula(sim, '=TRUNC(-8.9)')).toBe(-8);
    expect(formula(sim, '=INT(-8.9)')).toBe(-9);
    expect(formula(sim, '=INT(8.9)')).toBe(8);
  });

  test('excelRound matches known Excel results', () => {
    const cases: [number, number, number][] = [
      [1.005, 2, 1.01],
      [2.675, 2, 2.68],
      [-2.5, 0, -3],
      [1234.5, -1, 1230],
      [0.5, 0, 1],
      [123.456, 1, 123.5],
      [5, -1, 10],
      [4, -1, 0],
      [4, -2, 0],
      [0, 2, 0],
    ];
    for (const [x, d, want] of cases) expect(excelRound(x, d)).toBe(want);
  });

  test('SUM, SUMIFS with criteria strings, SUMPRODUCT, INDEX/MATCH, IF, IFERROR, MIN/MAX', () => {
    const sim = new ExcelSimulator();
    const rows: [string, number, string, number][] = [
      ['HSN', 100, 'Beslutad', 45292],
      ['RS', 250, 'Utkast', 45300],
      ['HSN', 50, 'beslutad', 45400],
      ['RUN', 75, 'Beslutad', 45500],
    ];
    rows.forEach((r, i) => {
      sim.setCell(`A${i + 1}`, r[0]);
      sim.setCell(`B${i + 1}`, r[1]);
      sim.setCell(`C${i + 1}`, r[2]);
      sim.setCell(`D${i + 1}`, r[3]);
    });
    sim.setCell('F1', 45300);
    expect(formula(sim, '=SUM(B1:B4)')).toBe(475);
    expect(formula(sim, '=SUMIFS(B1:B4,C1:C4,"Beslutad")')).toBe(225); // case-insensitive
    expect(formula(sim, '=SUMIFS(B1:B4,D1:D4,"<="&F1)')).toBe(350);
    expect(formula(sim, '=SUMIFS(B1:B4,A1:A4,"HSN",C1:C4,"Beslutad")')).toBe(150);
    expect(formula(sim, '=SUMIFS(B1:B4,A1:A4,"H*")')).toBe(150);
    expect(formula(sim, '=SUMIFS(B1:B4,B1:B4,">=100")')).toBe(350);
    expect(formula(sim, '=SUMPRODUCT(B1:B4,(A1:A4="HSN")*1)')).toBe(150);
    expect(formula(sim, '=INDEX(B1:B4,MATCH("RUN",A1:A4,0))')).toBe(75);
    expect(formula(sim, '=IFERROR(INDEX(B1:B4,MATCH("X",A1:A4,0)),0)')).toBe(0);
    expect(formula(sim, '=MATCH("X",A1:A4,0)')).toBe('#N/A');
    expect(formula(sim, '=IF(B2>B1,"större","mindre")')).toBe('större');
    expect(formula(sim, '=MIN(B1:B4)+MAX(B1:B4)')).toBe(300);
    expect(formula(sim, '=IF(TRUE,1,2)')).toBe(1);
    expect(formula(sim, '=A1&" "&C1')).toBe('HSN Beslutad');
    expect(formula(sim, '=1/0')).toBe('#DIV/0!');
    expect(formula(sim, '=Y99')).toBe(0); // an empty cell is 0 in arithmetic
  });

  test('the 1900 date system: serials, YEAR, MONTH, DAY, DATE and the fictitious 29 February 1900', () => {
    const sim = new ExcelSimulator();
    expect(formula(sim, '=DATE(2024,1,1)')).toBe(45292);
    expect(formula(sim, '=YEAR(45292)')).toBe(2024);
    sim.setCell('A1', 45657);
    expect(formula(sim, '=YEAR(A1)*100+MONTH(A1)')).toBe(202412);
    expect(formula(sim, '=DAY(A1)')).toBe(31);
    expect(formula(sim, '=DATE(1900,1,1)')).toBe(1);
    expect(formula(sim, '=DATE(1900,3,1)')).toBe(61);
    expect(formula(sim, '=DAY(60)')).toBe(29);
    expect(formula(sim, '=MONTH(60)')).toBe(2);
    expect(serialToDate(45292)).toMatchObject({ y: 2024, m: 1, d: 1 });
    expect(serialToDate(60)).toMatchObject({ y: 1900, m: 2, d: 29 });
    expect(serialToDate(61)).toMatchObject({ y: 1900, m: 3, d: 1 });
    expect(serialToDate(45292.75)).toMatchObject({ h: 18, mi: 0 });
  });

  test('TEXT and DATEDIF as Excel computes them', () => {
    const sim = new ExcelSimulator();
    expect(formula(sim, '=TEXT(1234.5,"#,##0.00")')).toBe('1,234.50');
    expect(formula(sim, '=TEXT(45292,"yyyy-mm-dd")')).toBe('2024-01-01');
    expect(formula(sim, '=TEXT(0.155,"0.0%")')).toBe('15.5%');
    expect(formula(sim, '=DATEDIF(45292,45657,"m")')).toBe(11);
    expect(formula(sim, '=DATEDIF(DATE(2020,2,29),DATE(2024,2,28),"y")')).toBe(3);
    expect(formula(sim, '=DATEDIF(DATE(2023,3,15),DATE(2024,2,10),"ym")')).toBe(10);
    expect(formula(sim, '=DATEDIF(DATE(2023,3,15),DATE(2024,2,10),"yd")')).toBe(332);
    expect(formula(sim, '=DATEDIF(45657,45292,"d")')).toBe('#NUM!');
    expect(() => formula(sim, '=DATEDIF(45292,45657,"md")')).toThrow(expect.objectContaining({ code: 'NotImplemented' }));
    const sv = new ExcelSimulator({ locale: 'sv-SE' });
    expect(() => formula(sv, '=TEXT(1,"0")')).toThrow(expect.objectContaining({ code: 'NotImplemented' }));
  });

  test('a function HyperFormula lacks is refused rather than computed as #NAME?', async () => {
    const sim = new ExcelSimulator();
    expect(
      await officeCode(
        sim.run(async (ctx) => {
          ctx.workbook.worksheets.getActiveWorksheet().getRange('A1').formulas = [['=NOTAFUNCTION(1)']];
        }),
      ),
    ).toBe('NotImplemented');
  });

  test('a formula that would spill an array is refused when read', () => {
    const sim = new ExcelSimulator();
    sim.setCell('A1', 1);
    sim.setCell('A2', 2);
    sim.setCell('B1', '=A1:A2*2');
    expect(() => sim.getValue('B1')).toThrow(expect.objectContaining({ code: 'NotImplemented' }));
    sim.setCell('C1', '=SUM(A1:A2*2)'); // array arithmetic inside a function is fine
    expect(sim.getValue('C1')).toBe(6);
  });

  test('a circular reference is refused when read', () => {
    const sim = new ExcelSimulator();
    sim.setCell('A1', '=B1');
    sim.setCell('B1', '=A1');
    expect(() => sim.getValue('A1')).toThrow(expect.objectContaining({ code: 'NotImplemented' }));
  });

  test('references to other sheets, and renaming a sheet rewrites them', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      const a = ctx.workbook.worksheets.add('Indata');
      a.getRange('A1').values = [[10]];
      const b = ctx.workbook.worksheets.add('Min flik');
      b.getRange('A1').values = [[5]];
      ctx.workbook.worksheets.add("Kim's").getRange('A1').values = [[7]];
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:C1').formulas = [['=Indata!A1*2', "='Min flik'!A1+1", "='Kim''s'!A1"]];
    });
    expect(sim.getValue('Sheet1!A1')).toBe(20);
    expect(sim.getValue('Sheet1!B1')).toBe(6);
    expect(sim.getValue('Sheet1!C1')).toBe(7);
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Indata').name = 'Data 2024';
      ctx.workbook.worksheets.getItem('Min flik').name = 'Flik';
    });
    expect(sim.getFormula('Sheet1!A1')).toBe("='Data 2024'!A1*2");
    expect(sim.getFormula('Sheet1!B1')).toBe('=Flik!A1+1');
    sim.setCell("'Data 2024'!A1", 11);
    expect(sim.getValue('Sheet1!A1')).toBe(22);
  });
});

describe('structured references', () => {
  async function budget(sim: ExcelSimulator): Promise<void> {
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add('Budget');
      ws.getRange('A1:E4').values = [
        ['Nämnd', 'Belopp kr', 'Andel [%]', 'Status', 'Viktat'],
        ['HSN', 1000, 0.5, 'Beslutad', null],
        ['RS', 3000, 0.25, 'Utkast', null],
        ['RUN', 2000, 0.1, 'Beslutad', null],
      ];
      const t = ws.tables.add('A1:E4', true);
      t.name = 'Ramar';
      await ctx.sync();
      ws.getRange('E2:E4').formulas = [
        ["=Ramar[[#This Row],[Belopp kr]]*Ramar[[#This Row],[Andel '[%']]]"],
        ["=Ramar[@[Belopp kr]]*Ramar[@[Andel '[%']]]"],
        ["=[@[Belopp kr]]*[@[Andel '[%']]]"],
      ];
    });
  }

  test('this row in its three spellings, with spaces and escaped brackets in column names', async () => {
    const sim = new ExcelSimulator();
    await budget(sim);
    expect([sim.getValue('Budget!E2'), sim.getValue('Budget!E3'), sim.getValue('Budget!E4')]).toEqual([500, 750, 200]);
    expect(sim.getFormula('Budget!E4')).toBe("=[@[Belopp kr]]*[@[Andel '[%']]]");
  });

  test('whole columns, column ranges, #Data, #Headers, #All, and a bare table name', async () => {
    const sim = new ExcelSimulator();
    await budget(sim);
    expect(formula(sim, '=SUM(Ramar[Belopp kr])', 'Sheet1!A1')).toBe(6000);
    expect(formula(sim, '=SUMIFS(Ramar[Belopp kr],Ramar[Status],"Beslutad")', 'Sheet1!A2')).toBe(3000);
    expect(formula(sim, "=SUM(Ramar[[Belopp kr]:[Andel '[%']]])", 'Sheet1!A3')).toBe(6000.85);
    expect(formula(sim, '=ROWS(Ramar[#Data])', 'Sheet1!A4')).toBe(3);
    expect(formula(sim, '=ROWS(Ramar)', 'Sheet1!A5')).toBe(3);
    expect(formula(sim, '=ROWS(Ramar[#All])', 'Sheet1!A6')).toBe(4);
    expect(formula(sim, '=Ramar[[#Headers],[Status]]', 'Sheet1!A7')).toBe('Status');
    expect(formula(sim, '=COLUMNS(Ramar[#Headers])', 'Sheet1!A8')).toBe(5);
    expect(formula(sim, '=SUM(ramar[BELOPP KR])', 'Sheet1!A9')).toBe(6000); // names ignore case
    expect(formula(sim, '=INDEX(Ramar[Belopp kr],MATCH("RS",Ramar[Nämnd],0))', 'Sheet1!A10')).toBe(3000);
  });

  test('Swedish column names with spaces and å ä ö', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add('Återredovisning');
      ws.getRange('A1:C3').values = [
        ['Utvecklingsområde', 'Beviljat belopp', 'Återbetalning'],
        ['Närsjukvård', 400000, 0],
        ['Psykiatri för unga', 600000, 125000],
      ];
      ws.tables.add('A1:C3', true).name = 'Stimulansmedel';
      ws.getRange('E1').formulas = [['=SUM(Stimulansmedel[Beviljat belopp])-SUM(Stimulansmedel[Återbetalning])']];
    });
    expect(sim.getValue('Återredovisning!E1')).toBe(875000);
  });

  test('after a resize the formulas use the new extent; the formula text stays as written', async () => {
    const sim = new ExcelSimulator();
    await budget(sim);
    sim.setCell('Sheet1!A1', '=SUM(Ramar[Belopp kr])');
    expect(sim.getValue('Sheet1!A1')).toBe(6000);
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Budget');
      ws.getRange('A5:D6').values = [
        ['X', 500, 0.2, 'Utkast'],
        ['Y', 700, 0.1, 'Beslutad'],
      ];
      await ctx.sync();
      const t = ctx.workbook.tables.getItem('Ramar');
      const before = t.getRange();
      before.load('address');
      await ctx.sync();
      expect(before.address).toBe('Budget!A1:E4'); // writing below did not grow it
      expect(sim.getValue('Sheet1!A1')).toBe(6000);
      t.resize('Budget!A1:E6');
      ws.getRange('E5:E6').formulas = [['=[@[Belopp kr]]*[@[Andel \'[%\']]]'], ['=[@[Belopp kr]]*[@[Andel \'[%\']]]']];
    });
    expect(sim.getValue('Sheet1!A1')).toBe(7200);
    expect(sim.getFormula('Sheet1!A1')).toBe('=SUM(Ramar[Belopp kr])');
    expect(sim.getValue('Budget!E6')).toBe(70);
  });

  test('renaming a table or a column rewrites the formulas that use it', async () => {
    const sim = new ExcelSimulator();
    await budget(sim);
    sim.setCell('Sheet1!A1', '=SUM(Ramar[Belopp kr])');
    await sim.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem('Ramar');
      t.name = 'Budgetramar';
      t.columns.getItem('Belopp kr').name = 'Belopp';
    });
    expect(sim.getFormula('Sheet1!A1')).toBe('=SUM(Budgetramar[Belopp])');
    expect(sim.getFormula('Budget!E4')).toBe("=[@[Belopp]]*[@[Andel '[%']]]");
    expect(sim.getValue('Sheet1!A1')).toBe(6000);
    // typing a new header renames the column as well
    sim.setCell('Budget!B1', 'Summa');
    expect(sim.getFormula('Sheet1!A1')).toBe('=SUM(Budgetramar[Summa])');
    expect(sim.getValue('Budget!E2')).toBe(500);
  });

  test('#Totals without a totals row is #REF!; with one it is the totals cell', async () => {
    const sim = new ExcelSimulator();
    await budget(sim);
    expect(formula(sim, '=Ramar[[#Totals],[Belopp kr]]', 'Sheet1!A1')).toBe('#REF!');
    await sim.run(async (ctx) => {
      ctx.workbook.tables.getItem('Ramar').showTotals = true;
    });
    expect(sim.table('Ramar').address).toBe('Budget!A1:E5');
    expect(sim.getValue('Budget!A5')).toBe('Total');
    expect(sim.getFormula('Budget!E5')).toBe('=SUBTOTAL(109,Ramar[Viktat])');
    expect(sim.getValue('Budget!E5')).toBe(1450);
    expect(sim.getValue('Sheet1!A1')).toBe(0); // now the (empty) totals cell of Belopp kr
    sim.setCell('Budget!B5', '=SUBTOTAL(109,Ramar[Belopp kr])');
    expect(sim.getValue('Sheet1!A1')).toBe(6000);
  });

  test('this row from outside the data rows is #VALUE!', async () => {
    const sim = new ExcelSimulator();
    await budget(sim);
    expect(formula(sim, '=Ramar[@Status]', 'Budget!H2')).toBe('Beslutad');
    expect(formula(sim, '=Ramar[@Status]', 'Budget!H10')).toBe('#VALUE!');
  });

  test('unknown tables, columns and unqualified references outside a table are refused when written', async () => {
    const sim = new ExcelSimulator();
    await budget(sim);
    for (const f of ['=SUM(Saknas[Belopp kr])', '=SUM(Ramar[Saknas])', '=[@Status]', "=Ramar[Andel [%]]"]) {
      const code = await officeCode(
        sim.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').formulas = [[f]];
        }),
      );
      expect(code).toBe('InvalidArgument');
    }
  });

  test('deleting a table turns references to it into #REF!', async () => {
    const sim = new ExcelSimulator();
    await budget(sim);
    sim.setCell('Sheet1!A1', '=SUM(Ramar[Belopp kr])');
    await sim.run(async (ctx) => {
      ctx.workbook.tables.getItem('Ramar').delete();
    });
    expect(sim.tableNames()).toEqual([]);
    expect(sim.getValue('Budget!B2')).toBe('');
    expect(sim.getValue('Sheet1!A1')).toBe('#REF!');
  });
});
