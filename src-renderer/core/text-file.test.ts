import { describe, expect, it } from 'vitest';
import { decodeTextFile } from './text-file';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** "Müller" as Excel's "CSV (Comma delimited)" saves it on a Western European Windows. */
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('decodeTextFile', () => {
  it('reads UTF-8 as it is, with or without a BOM', () => {
    expect(
      decodeTextFile(utf8('code,name\r\n6150,Büromiete\r\n'), { allowWindows1252: false }),
    ).toEqual({
      ok: true,
      text: 'code,name\r\n6150,Büromiete\r\n',
      encoding: 'utf-8',
      note: null,
    });
    const bom = decodeTextFile(join(Uint8Array.from([0xef, 0xbb, 0xbf]), utf8('a,b\n')), {
      allowWindows1252: false,
    });
    expect(bom.ok && bom.text).toBe('a,b\n');
  });

  it('refuses a file that is not UTF-8, naming the first bad line, when UTF-8 is required', () => {
    const file = join(
      utf8(
        'date,entry reference,account code,debit,credit,currency,memo\r\n2026-04-02,R-1,6100,1250.00,,USD,Rent\r\n',
      ),
      cp1252('2026-04-02,R-1,1200,,1250.00,USD,M\u00fcller\r\n'),
    );
    expect(decodeTextFile(file, { allowWindows1252: false })).toEqual({
      ok: false,
      line: 3,
      message: expect.stringContaining('not valid UTF-8 text'),
    });
  });

  it('reads a bank file with no UTF-8 in it as Windows-1252, and says so', () => {
    const r = decodeTextFile(
      cp1252('Buchungstag;Verwendungszweck;Betrag\r\n03.03.2026;Caf\u00e9 Central;-4,50\r\n'),
      { allowWindows1252: true },
    );
    expect(r).toEqual({
      ok: true,
      text: 'Buchungstag;Verwendungszweck;Betrag\r\n03.03.2026;Café Central;-4,50\r\n',
      encoding: 'windows-1252',
      note: expect.stringContaining('Windows-1252'),
    });
  });

  it('refuses a damaged UTF-8 file even where Windows-1252 is allowed: that would garble the good lines', () => {
    const file = join(
      utf8('Datum;Text\n03.03.2026;Müller GmbH\n'),
      Uint8Array.from([0x30, 0x34, 0x3b, 0xc3, 0x28, 0x0a]),
    );
    expect(decodeTextFile(file, { allowWindows1252: true })).toMatchObject({ ok: false, line: 3 });
  });
});
