import fc from 'fast-check';
import Decimal from 'decimal.js';
import { formatAddress, looksLikeCellReference, parseAddress, quoteSheetName } from './address';
import { formatValue } from './format';
import {
  canonicalStructured,
  escapeColumnName,
  fromR1C1,
  renameColumnInFormula,
  scanFormula,
  toR1C1,
  translateFormula,
  type TableInfo,
} from './formula-text';
import { classifyInput, excelRound } from './values';

describe('addresses', () => {
  test('parse and format', () => {
    expect(parseAddress('$B$2:c5')).toEqual({ rect: { r0: 1, c0: 1, r1: 4, c1: 2 } });
    expect(parseAddress("'Min flik'!A1")).toEqual({ sheet: 'Min flik', rect: { r0: 0, c0: 0, r1: 0, c1: 0 } });
    expect(parseAddress("'Kim''s'!A1").sheet).toBe("Kim's");
    expect(formatAddress('Budget', { r0: 0, c0: 0, r1: 2, c1: 2 })).toBe('Budget!A1:C3');
    expect(formatAddress('Budget', { r0: 0, c0: 26, r1: 0, c1: 27 })).toBe('Budget!AA1:AB1');
    expect(() => parseAddress('A')).toThrow();
    expect(() => parseAddress('A1:B')).toThrow();
  });

  test('quoting of sheet names', () => {
    expect(quoteSheetName('Budget')).toBe('Budget');
    expect(quoteSheetName('Återredovisning')).toBe('Återredovisning');
    expect(quoteSheetName('Budget_2024')).toBe('Budget_2024');
    expect(quoteSheetName('Min flik')).toBe("'Min flik'");
    expect(quoteSheetName('2024')).toBe("'2024'");
    expect(quoteSheetName('A1')).toBe("'A1'");
    expect(quoteSheetName('R2C3')).toBe("'R2C3'");
    expect(quoteSheetName('Budget-2024')).toBe("'Budget-2024'");
  });

  test('cell-reference-like names', () => {
    for (const n of ['A1', 'xfd1048576', 'R1C1', 'rc', 'R', 'C', 'c12']) expect(looksLikeCellReference(n)).toBe(true);
    for (const n of ['Tabell1A', 'XFE1', 'A1048577', 'Ramar', 'RCX']) expect(looksLikeCellReference(n)).toBe(false);
  });
});

describe('typed input', () => {
  test('classification', () => {
    expect(classifyInput(' 12 ', 'General', 'x')).toEqual({ t: 'n', v: 12 });
    expect(classifyInput('1E3', 'General', 'x')).toEqual({ t: 'n', v: 1000 });
    expect(classifyInput('FALSE', 'General', 'x')).toEqual({ t: 'b', v: false });
    expect(classifyInput('#n/a', 'General', 'x')).toEqual({ t: 'e', v: '#N/A' });
    expect(classifyInput('Q1 2024', 'General', 'x')).toEqual({ t: 's', v: 'Q1 2024' });
    expect(classifyInput('jan', 'General', 'x')).toEqual({ t: 's', v: 'jan' });
    expect(classifyInput(null, 'General', 'x')).toBe('unchanged');
    expect(classifyInput('', 'General', 'x')).toBe('clear');
    expect(() => classifyInput('1 jan', 'General', 'x')).toThrow();
    expect(() => classifyInput('x'.repeat(32768), 'General', 'x')).toThrow();
  });
});

describe('excelRound', () => {
  test('agrees with decimal rounding half away from zero of the written number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: -3, max: 5 }), (n, scale, digits) => {
        const text = new Decimal(n).div(new Decimal(10).pow(scale)).toString();
        const want = new Decimal(text).toDecimalPlaces(Math.max(digits, 0), Decimal.ROUND_HALF_UP);
        const expected =
          digits >= 0 ? want.toNumber() : new Decimal(text).div(new Decimal(10).pow(-digits)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).mul(new Decimal(10).pow(-digits)).toNumber();
        expect(excelRound(Number(text), digits)).toBe(expected === 0 ? 0 : expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('number formats', () => {
  const f = (v: number | string | boolean, nf: string) => formatValue(v, nf, false);
  test('integers and thousands', () => {
    expect(f(1234567, 'General')).toBe('1234567');
    expect(f(-1234567, '#,##0')).toBe('-1,234,567');
    expect(f(0, '#,##0')).toBe('0');
    expect(f(999.5, '#,##0')).toBe('1,000');
    expect(f(-0.4, '#,##0')).toBe('0');
    expect(f(25000000, '#,##0,,"\u00a0mkr"')).toBe('25\u00a0mkr');
    expect(f(1234.567, '0.00')).toBe('1234.57');
    expect(f(1.005, '0.00')).toBe('1.01');
    expect(f(0.5, '#.##')).toBe('.5');
  });
  test('sections, percent, scientific and text', () => {
    expect(f(-5, '0;(0)')).toBe('(5)');
    expect(f(0, '0;-0;"–"')).toBe('–');
    expect(f(0.1523, '0.00%')).toBe('15.23%');
    expect(f(123456, '0.00E+00')).toBe('1.23E+05');
    expect(f('abc', '0;0;0;"Text: "@')).toBe('Text: abc');
    expect(f('abc', '#,##0')).toBe('abc');
    expect(f(true, '0')).toBe('TRUE');
    expect(formatValue('#DIV/0!', '0.00', true)).toBe('#DIV/0!');
  });
  test('General for non-integers', () => {
    expect(f(0.1 + 0.2, 'General')).toBe('0.3');
    expect(f(1 / 3, 'General')).toBe('0.3333333333');
    expect(f(123456789012, 'General')).toBe('1.23457E+11');
  });
  test('dates and times', () => {
    expect(f(45292, 'yyyy-mm-dd')).toBe('2024-01-01');
    expect(f(45292, 'd mmm yyyy')).toBe('1 Jan 2024');
    expect(f(45292.5, 'hh:mm')).toBe('12:00');
    expect(f(45292.75, 'h:mm AM/PM')).toBe('6:00 PM');
    expect(formatValue(45292, 'd mmmm yyyy', false, 'sv-SE')).toBe('1 januari 2024');
  });
  test('unsupported formats are refused', () => {
    expect(() => f(5, '[>100]0;0')).toThrow();
    expect(() => f(0.5, '# ?/?')).toThrow();
  });
});

describe('formula text', () => {
  const tables: TableInfo[] = [
    { id: 1, name: 'Ramar', sheetName: 'Budget', rect: { r0: 0, c0: 0, r1: 3, c1: 2 }, showTotals: false, columns: ['Nämnd', 'Belopp kr', 'Andel [%]'] },
    { id: 2, name: 'Tot', sheetName: 'Min flik', rect: { r0: 4, c0: 1, r1: 7, c1: 1 }, showTotals: true, columns: ['X'] },
  ];
  const tr = (f: string, row = 10, col = 10, sheetName = 'Budget') =>
    translateFormula(f, { tables, sheetName, row, col, mode: 'write', location: 'test' }).text;

  test('translation to absolute A1 ranges', () => {
    expect(tr('=SUM(Ramar[Belopp kr])')).toBe('=SUM(Budget!$B$2:$B$4)');
    expect(tr("=Ramar[[#Headers],[Andel '[%']]]")).toBe('=Budget!$C$1');
    expect(tr('=Ramar[[#This Row],[Nämnd]]', 2)).toBe('=Budget!$A$3');
    expect(tr('=[@Nämnd]&"x"', 1, 1)).toBe('=Budget!$A$2&"x"');
    expect(tr('=Tot[[#Totals],[X]]+Tot[X]')).toBe("='Min flik'!$B$8+'Min flik'!$B$6:$B$7");
    expect(tr('=COUNTA(Ramar[#All])')).toBe('=COUNTA(Budget!$A$1:$C$4)');
    expect(tr('=SUM(Ramar[[#Headers],[#Data],[Belopp kr]])')).toBe('=SUM(Budget!$B$1:$B$4)');
    expect(tr('="Ramar[Belopp kr]"')).toBe('="Ramar[Belopp kr]"'); // inside a string: untouched
    expect(tr('=SUM(Ramar)')).toBe('=SUM(Budget!$A$2:$C$4)');
  });

  test('scanning sheet references and escapes', () => {
    const toks = scanFormula("='Min flik'!A1+Budget!B2+Ramar[Belopp kr]");
    expect(toks.map((t) => t.kind)).toEqual(['sheet', 'sheet', 'struct']);
    expect(escapeColumnName("Andel [%] #1 'x'")).toBe("Andel '[%'] '#1 ''x''");
  });

  test('R1C1 shapes and equivalent structured spellings', () => {
    expect(toR1C1('=B2*2+$C$1+Budget!A2+"B2"', 1, 2)).toBe('=RC«-1»*2+R1C3+Budget!RC«-2»+"B2"');
    expect(fromR1C1('=RC«-1»*2+R1C3+Budget!RC«-2»', 5, 2)).toBe('=B6*2+$C$1+Budget!A6');
    expect(toR1C1('=SUM(B2:B10)+ROUND(A1,0)', 0, 0)).toBe('=SUM(R«1»C«1»:R«9»C«1»)+ROUND(RC,0)');
    expect(fromR1C1(toR1C1('=[@Belopp]*$B2', 3, 4), 7, 4)).toBe('=[@Belopp]*$B6');
    expect(canonicalStructured('=Ramar[[#This Row],[Belopp]]', 'Ramar')).toBe(canonicalStructured('=[@belopp]', 'Ramar'));
    expect(canonicalStructured('=Ramar[Belopp]', null)).not.toBe(canonicalStructured('=[@Belopp]', 'Ramar'));
  });

  test('column rename rewrites only the right table', () => {
    expect(renameColumnInFormula('=Ramar[Belopp kr]+Tot[Belopp kr]', 'Ramar', 'Belopp kr', 'Summa', false)).toBe('=Ramar[Summa]+Tot[Belopp kr]');
    expect(renameColumnInFormula('=[@[Belopp kr]]', 'Ramar', 'belopp KR', 'Summa [kr]', true)).toBe("=[@[Summa '[kr']]]");
  });
});
