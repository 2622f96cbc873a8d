import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ofxDate, parseOfx } from './ofx';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('parseOfx', () => {
  it('reads an OFX 1.x (SGML) checking statement to exact numbers', () => {
    const r = parseOfx(fixture('ofx1-checking.ofx'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.meta).toEqual({
      accountId: '000123456789',
      bankId: '021000021',
      iban: null,
      currency: 'USD',
      openingBalance: null,
      closingBalance: 4523025,
      closingDate: '2026-03-31',
      periodStart: '2026-03-01',
      periodEnd: '2026-03-31',
    });
    expect(r.items).toEqual([
      {
        date: '2026-03-02',
        amount: 1250000,
        description: 'INV 1043 & 1044',
        reference: '',
        counterparty: 'ACME TRADING LLC',
        balanceAfter: null,
        externalId: 'r:202603020001|2026-03-02|1250000',
      },
      {
        date: '2026-03-05',
        amount: -125000,
        description: 'HARBOR PROPERTIES',
        reference: '1187',
        counterparty: 'HARBOR PROPERTIES',
        balanceAfter: null,
        externalId: 'r:202603050007|2026-03-05|-125000',
      },
      {
        date: '2026-03-31',
        amount: -1550,
        description: 'MONTHLY SERVICE FEE',
        reference: '',
        counterparty: 'MONTHLY SERVICE FEE',
        balanceAfter: null,
        externalId: 'r:202603310099|2026-03-31|-1550',
      },
      {
        date: '2026-03-18',
        amount: -475,
        description: 'POS PURCHASE',
        reference: '',
        counterparty: 'CORNER COFFEE #12',
        balanceAfter: null,
        externalId: 'r:202603180042|2026-03-18|-475',
      },
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('reads an OFX 2.x (XML) credit-card statement', () => {
    const r = parseOfx(fixture('ofx2-creditcard.qfx'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.meta).toMatchObject({
      accountId: '4111XXXXXXXX1111',
      currency: 'EUR',
      closingBalance: -120417,
    });
    expect(
      r.items.map((i) => [i.date, i.amount, i.counterparty, i.externalId.split('|')[0]]),
    ).toEqual([
      ['2026-03-04', -8990, 'Lufthansa <Online>', 'r:CC-88213'],
      ['2026-03-10', -2340, 'Hotel Adler', 'r:CC-88301'],
      ['2026-03-25', 50000, 'PAYMENT THANK YOU', 'r:CC-88455'],
    ]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]!.message).toMatch(/foreign currency/);
  });

  it('refuses bad dates and amounts with the file line of the transaction', () => {
    const text = fixture('ofx1-checking.ofx')
      .replace('<DTPOSTED>20260305', '<DTPOSTED>2026-03-05')
      .replace('<TRNAMT>-4.75', '<TRNAMT>-4.755');
    const r = parseOfx(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([
      [53, 'DTPOSTED'],
      [70, 'TRNAMT'],
    ]);
    expect(r.problems[1]!.message).toMatch(/more than 2 decimals/);
  });

  it('refuses truncated files and files that are not statements', () => {
    const full = fixture('ofx1-checking.ofx');
    const cut = parseOfx(full.slice(0, full.indexOf('</BANKTRANLIST>')));
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.problems[0]!.message).toMatch(/truncated/);
    const xml = fixture('ofx2-creditcard.qfx');
    const cutXml = parseOfx(xml.slice(0, xml.indexOf('<NAME>Hotel') + 8));
    expect(cutXml.ok === false && cutXml.problems[0]!.message).toMatch(/truncated/);
    expect(parseOfx('Date,Amount\n').ok).toBe(false);
    const noCur = parseOfx(full.replace('<CURDEF>USD', ''));
    expect(noCur.ok === false && noCur.problems[0]!.column).toBe('CURDEF');
  });

  it('reads OFX dates as the calendar day the bank wrote', () => {
    expect(ofxDate('20260331235959.000[-5:EST]')).toBe('2026-03-31');
    expect(ofxDate('20260230')).toBeNull();
  });

  it('refuses invalid character references and absurd nesting with the file line, never throwing', () => {
    const full = fixture('ofx1-checking.ofx');
    for (const ref of ['&#x110000;', '&#99999999999;']) {
      const r = parseOfx(full.replace('<NAME>HARBOR PROPERTIES', `<NAME>HARBOR ${ref} PROPERTIES`));
      expect(r.ok === false && r.problems[0]).toMatchObject({
        line: 57,
        message: expect.stringContaining(ref),
      });
    }
    const deep = full.replace('<MEMO>POS PURCHASE', '<MEMO>\n'.repeat(20_000) + 'POS PURCHASE');
    const r = parseOfx(deep);
    expect(r.ok === false && r.problems[0]!.message).toMatch(/nested more than 256 deep/);
    const xml = fixture('ofx2-creditcard.qfx');
    const deepXml = parseOfx(
      xml.replace('<NAME>Hotel Adler', '<X>'.repeat(20_000) + '<NAME>Hotel Adler'),
    );
    expect(deepXml.ok === false && deepXml.problems[0]!.message).toMatch(/nested more than/);
  });

  it('skips zero amounts ("-0", "0.00") with a warning naming the line', () => {
    const text = fixture('ofx1-checking.ofx')
      .replace('<TRNAMT>-15.5', '<TRNAMT>-0')
      .replace('<TRNAMT>-4.75', '<TRNAMT>0.00');
    const r = parseOfx(text);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.items.map((i) => i.externalId.split('|')[0])).toEqual([
      'r:202603020001',
      'r:202603050007',
    ]);
    expect(r.warnings.map((w) => [w.line, w.column])).toEqual([
      [63, 'TRNAMT'],
      [70, 'TRNAMT'],
    ]);
    expect(r.warnings[0]!.message).toMatch(/amount is zero \("-0"\).*skipped/);
  });
});
