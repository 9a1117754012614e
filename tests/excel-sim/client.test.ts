import { ExcelSimulator, isOfficeError } from './index';

async function expectOfficeError(p: Promise<unknown>, code: string): Promise<Error & { code: string; debugInfo: { code: string; message: string; errorLocation?: string } }> {
  try {
    await p;
  } catch (e) {
    expect(isOfficeError(e)).toBe(true);
    expect((e as { code: string }).code).toBe(code);
    return e as never;
  }
  throw new Error(`expected ${code}, but it succeeded`);
}

function sheetWithData(sim: ExcelSimulator): Promise<void> {
  return sim.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.add('Budget');
    ws.getRange('A1:B2').values = [
      ['Post', 'Belopp'],
      ['Hyra', 1200],
    ];
    await ctx.sync();
  });
}

describe('proxies, load and sync', () => {
  test('reading a property before load throws PropertyNotLoaded with Office.js message', async () => {
    const sim = new ExcelSimulator();
    await sheetWithData(sim);
    await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Budget').getRange('A1:B2');
      let err: unknown;
      try {
        void r.values;
      } catch (e) {
        err = e;
      }
      expect(isOfficeError(err)).toBe(true);
      expect(err).toMatchObject({
        name: 'RichApi.Error',
        code: 'PropertyNotLoaded',
        message:
          "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
        debugInfo: { errorLocation: 'Range.values' },
      });
      await ctx.sync();
    });
  });

  test('loaded but not yet synced is still not readable; after sync it is', async () => {
    const sim = new ExcelSimulator();
    await sheetWithData(sim);
    await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Budget').getRange('A1:B2');
      r.load('values, address');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(r.values).toEqual([
        ['Post', 'Belopp'],
        ['Hyra', 1200],
      ]);
      expect(r.address).toBe('Budget!A1:B2');
      expect(() => r.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('a property set by the script is not readable until loaded', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getActiveWorksheet().getRange('A1');
      r.formulas = [['=1+1']];
      expect(() => r.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      r.load('values');
      await ctx.sync();
      expect(r.values).toEqual([[2]]);
    });
  });

  test('load accepts a string list, an array, nested paths and collection item paths', async () => {
    const sim = new ExcelSimulator();
    await sheetWithData(sim);
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Budget');
      const r = ws.getRange('A1:B2');
      r.format.font.bold = true;
      r.load(['rowCount', 'columnCount']);
      r.load('format/font/bold');
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name, items/position');
      const tables = ctx.workbook.tables;
      tables.load('name');
      ws.load({ select: 'name,visibility' });
      await ctx.sync();
      expect([r.rowCount, r.columnCount]).toEqual([2, 2]);
      expect(r.format.font.bold).toBe(true);
      expect(sheets.items.map((s) => [s.name, s.position])).toEqual([
        ['Sheet1', 0],
        ['Budget', 1],
      ]);
      expect(tables.items).toEqual([]);
      expect(ws.visibility).toBe('Visible');
      expect(() => sheets.items[0].visibility).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('an unknown property in load fails at sync', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange('A1').load('valuez');
      await expectOfficeError(ctx.sync(), 'InvalidArgument');
    });
  });

  test('getCount returns a ClientResult whose value is available after sync', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.add('Ett');
      const n = ctx.workbook.worksheets.getCount();
      expect(() => n.value).toThrow(expect.objectContaining({ code: 'ValueNotLoaded' }));
      await ctx.sync();
      expect(n.value).toBe(2);
    });
  });
});

describe('null objects', () => {
  test('isNullObject is known after the sync that created the object', async () => {
    const sim = new ExcelSimulator();
    await sheetWithData(sim);
    await sim.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Saknas');
      const there = ctx.workbook.worksheets.getItemOrNullObject('budget');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      there.load('name');
      missing.load('name');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
      expect(there.name).toBe('Budget');
      // Office.js returns undefined for properties of a null object instead of throwing
      expect(missing.name).toBeUndefined();
    });
  });

  test('using a null object in an action fails at sync with ItemNotFound', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Saknas');
      missing.getRange('A1').values = [[1]];
      await expectOfficeError(ctx.sync(), 'ItemNotFound');
    });
  });

  test('getUsedRangeOrNullObject is null on an empty sheet', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject();
      const usedAlways = ctx.workbook.worksheets.getActiveWorksheet().getUsedRange();
      usedAlways.load('address');
      await ctx.sync();
      expect(used.isNullObject).toBe(true);
      expect(usedAlways.address).toBe('Sheet1!A1');
    });
  });
});

describe('errors surface at sync, in order, without rollback', () => {
  test('getItem of a missing sheet fails only at sync, with ItemNotFound', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Saknas'); // no error yet
      ws.getRange('A1').load('values');
      const e = await expectOfficeError(ctx.sync(), 'ItemNotFound');
      expect(e.name).toBe('RichApi.Error');
      expect(e.debugInfo.code).toBe('ItemNotFound');
      expect(e.debugInfo.errorLocation).toBe('WorksheetCollection.getItem');
    });
  });

  test('actions before the failing one stay applied; the rest are dropped', async () => {
    const sim = new ExcelSimulator();
    const before = sim.snapshot();
    await expectOfficeError(
      sim.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getActiveWorksheet();
        ws.getRange('A1').values = [[1]];
        ws.getRange('A2').values = [[1, 2]]; // wrong size: fails
        ws.getRange('A3').values = [[3]];
        await ctx.sync();
      }),
      'InvalidArgument',
    );
    expect(sim.getValue('Sheet1!A1')).toBe(1);
    expect(sim.getValue('Sheet1!A2')).toBe('');
    expect(sim.getValue('Sheet1!A3')).toBe('');
    expect(sim.snapshot()).not.toBe(before);
  });

  test('loads of a failed request are not delivered', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getActiveWorksheet().getRange('A1');
      r.load('values');
      ctx.workbook.worksheets.getItem('Saknas').load('name');
      await expectOfficeError(ctx.sync(), 'ItemNotFound');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });
});

describe('counting round trips', () => {
  test('each non-empty sync counts; Excel.run adds a final sync only when something is queued', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getActiveWorksheet().getRange('A1');
      r.load('values');
      await ctx.sync();
      await ctx.sync(); // nothing queued: no round trip
    });
    expect(sim.stats.syncs).toBe(1);

    sim.resetStats();
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange('A1').values = [[5]];
      // no sync: Excel.run's final sync sends it
    });
    expect(sim.stats.syncs).toBe(1);
    expect(sim.getValue('Sheet1!A1')).toBe(5);

    sim.resetStats();
    await sim.run(async () => undefined);
    expect(sim.stats.syncs).toBe(0);
  });

  test('stats record bytes and cells written per request', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.getRange('A1:B2').values = [
        [1, null],
        [3, 4],
      ];
      await ctx.sync();
      ws.getRange('C1').formulas = [['=A1*2']];
      await ctx.sync();
    });
    expect(sim.stats.syncs).toBe(2);
    expect(sim.stats.requests.map((r) => r.cellsWritten)).toEqual([3, 1]);
    expect(sim.stats.cellsWritten).toBe(4);
    expect(sim.stats.requests[0].bytes).toBeGreaterThan(20);
  });

  test('a batch that returns no promise is refused', async () => {
    const sim = new ExcelSimulator();
    await expectOfficeError(sim.run((() => undefined) as never), 'RunMustReturnPromise');
  });

  test('a rejected batch sends nothing more', async () => {
    const sim = new ExcelSimulator();
    await expect(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange('A1').values = [[1]];
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(sim.getValue('A1')).toBe('');
    expect(sim.stats.syncs).toBe(0);
  });

  test('objects of a finished run cannot be used again', async () => {
    const sim = new ExcelSimulator();
    let kept: Excel.Range | undefined;
    await sim.run(async (ctx) => {
      kept = ctx.workbook.worksheets.getActiveWorksheet().getRange('A1');
      await ctx.sync();
    });
    expect(() => {
      kept!.values = [[1]];
    }).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
  });
});

describe('failNextSync', () => {
  test('applies the first half of the queued actions, then fails', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      const cells = ['A1', 'A2', 'A3', 'A4'].map((a) => ws.getRange(a));
      await ctx.sync(); // the proxies exist now; the next request holds exactly four writes
      sim.failNextSync();
      cells.forEach((c, i) => (c.values = [[i + 1]]));
      const e = await expectOfficeError(ctx.sync(), 'GeneralException');
      expect(e.message).toBe('lost connection');
    });
    expect([sim.getValue('A1'), sim.getValue('A2'), sim.getValue('A3'), sim.getValue('A4')]).toEqual([1, 2, '', '']);
  });

  test('custom error code and message', async () => {
    const sim = new ExcelSimulator();
    sim.failNextSync({ code: 'RequestAborted', message: 'aborted' });
    const e = await expectOfficeError(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange('A1').values = [[1]];
        await ctx.sync();
      }),
      'RequestAborted',
    );
    expect(e.message).toBe('aborted');
    // the next sync works again
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange('B1').values = [[1]];
    });
    expect(sim.getValue('B1')).toBe(1);
  });
});

describe('payload limits of Excel on the web', () => {
  const MB = 1024 * 1024;
  // one column of long strings: bytes ≈ rows × length
  function bigColumn(rows: number, len: number): string[][] {
    const s = 'x'.repeat(len);
    return Array.from({ length: rows }, () => [s]);
  }

  test('a request over 5 MB is refused and nothing is applied', async () => {
    const sim = new ExcelSimulator();
    const before = sim.snapshot();
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.getRange('B1').values = [['small write in the same request']];
      ws.getRange('A1:A1100').values = bigColumn(1100, 5000); // ≈ 5.2 MB
      const e = await expectOfficeError(ctx.sync(), 'RequestPayloadSizeLimitExceeded');
      expect(e.message).toContain('request payload size has exceeded the limit');
    });
    expect(sim.snapshot()).toBe(before);
    expect(sim.stats.requests[0].bytes).toBeGreaterThan(5 * MB);
  });

  test('a 4 MB request is accepted', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange('A1:A860').values = bigColumn(860, 5000); // ≈ 4.1 MB
      await ctx.sync();
    });
    expect(sim.stats.requests[0].bytes).toBeGreaterThan(4 * MB);
    expect(sim.stats.requests[0].bytes).toBeLessThan(5 * MB);
    expect((sim.getValue('A860') as string).length).toBe(5000);
  });

  test('multi-byte characters count as UTF-8 bytes', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      // 600 × 3000 × 'å' (2 bytes each in UTF-8): 3.6 million bytes for 1.8 million characters
      const s = 'å'.repeat(3000);
      ctx.workbook.worksheets.getActiveWorksheet().getRange('A1:A600').values = Array.from({ length: 600 }, () => [s]);
      await ctx.sync();
    });
    expect(sim.stats.requests[0].bytes).toBeGreaterThan(3_600_000);
    expect(sim.stats.requests[0].bytes).toBeLessThan(3_700_000);
  });

  test('the desktop platform has no 5 MB request limit', async () => {
    const sim = new ExcelSimulator({ platform: 'desktop' });
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange('A1:A1100').values = bigColumn(1100, 5000);
    });
    expect(sim.getValue('A1100')).toHaveLength(5000);
  });

  test('a response over 5 MB is refused', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.getRange('A1:A700').values = bigColumn(700, 5000);
      await ctx.sync();
      ws.getRange('B1:B700').values = bigColumn(700, 5000);
      await ctx.sync();
      const r = ws.getRange('A1:B700');
      r.load('values');
      await expectOfficeError(ctx.sync(), 'ResponsePayloadSizeLimitExceeded');
    });
  });

  test('reading more than 5 000 000 cells at once is refused on every platform', async () => {
    const sim = new ExcelSimulator({ platform: 'desktop' });
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      const whole = ws.getRange('A:E'); // 5 × 1 048 576 cells
      whole.load('values');
      await expectOfficeError(ctx.sync(), 'RangeExceedsLimit');
      const ok = ws.getRange('A:A');
      ok.load('address, rowCount');
      await ctx.sync();
      expect(ok.address).toBe('Sheet1!A:A');
      expect(ok.rowCount).toBe(1048576);
    });
  });
});
