import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCamt053 } from './camt053';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('parseCamt053', () => {
  it('reads a camt.053.001.02 statement to exact numbers', () => {
    const r = parseCamt053(fixture('camt053-v02.xml'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.meta).toEqual({
      accountId: 'DE89370400440532013000',
      iban: 'DE89370400440532013000',
      currency: 'EUR',
      openingBalance: 1000000,
      closingBalance: 1215719,
      closingDate: '2026-03-31',
      periodStart: '2026-03-01',
      periodEnd: '2026-03-31',
    });
    expect(r.items).toEqual([
      {
        date: '2026-03-03',
        amount: 357000,
        description: 'Rechnung RE-2026-0117',
        reference: 'RE-2026-0117',
        counterparty: 'Müller & Söhne GmbH',
        balanceAfter: null,
        externalId: 'r:2026030300012345|2026-03-03|357000',
      },
      {
        date: '2026-03-15',
        amount: -141281,
        description: 'Strom 03/2026 Kd-Nr 448812',
        reference: '2',
        counterparty: 'Stadtwerke Köln',
        balanceAfter: null,
        externalId: 'r:2026031500077001|2026-03-15|-141281',
      },
    ]);
    // The zero entry and the pending one are skipped, each with a note.
    expect(r.warnings.map((w) => w.line)).toEqual([71, 78]);
  });

  it('reads the .08 layout (Pty/Nm, Sts/Cd, DtTm, CDATA, 5-decimal amounts)', () => {
    const r = parseCamt053(fixture('camt053-v08.xml'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.meta).toMatchObject({
      accountId: '0235-1177.01',
      iban: null,
      currency: 'CHF',
      openingBalance: -25000,
      closingBalance: 174995,
      closingDate: '2026-03-31',
    });
    expect(
      r.items.map(({ externalId, ...l }) => [
        l,
        externalId.startsWith('h:') ? 'hash' : externalId.split('|')[0],
      ]),
    ).toEqual([
      [
        {
          date: '2026-03-10',
          amount: 200000,
          description: '',
          reference: '210000000003139471430009017',
          counterparty: 'Alpine Tours AG',
          balanceAfter: null,
        },
        'r:CH-77-0001',
      ],
      [
        {
          date: '2026-03-31',
          amount: -5,
          description: 'Spesen & Gebühren',
          reference: '',
          counterparty: '',
          balanceAfter: null,
        },
        'hash',
      ],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('warns when the entries do not explain the balance change', () => {
    const r = parseCamt053(fixture('camt053-v08.xml').replace('1749.95', '1750.95'));
    expect(r.ok && r.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('difference 1.00 CHF'),
    ]);
  });

  it('refuses bad dates, bad amounts and foreign currencies with line numbers, returning no items', () => {
    const text = fixture('camt053-v02.xml')
      .replace('<BookgDt><Dt>2026-03-03</Dt></BookgDt>', '<BookgDt><Dt>03.03.2026</Dt></BookgDt>')
      .replace('<ValDt><Dt>2026-03-03</Dt></ValDt>', '')
      .replace('<Amt Ccy="EUR">1412.81</Amt>', '<Amt Ccy="EUR">1.412,81</Amt>')
      .replace('<Amt Ccy="EUR">12157.19</Amt>', '<Amt Ccy="USD">12157.19</Amt>');
    const r = parseCamt053(text);
    expect('items' in r).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([
      [29, 'Amt'],
      [38, 'BookgDt'],
      [55, 'Amt'],
    ]);
  });

  it('refuses truncated XML, mismatched tags and other camt messages', () => {
    const full = fixture('camt053-v02.xml');
    const cut = parseCamt053(full.slice(0, full.indexOf('<Ntry>', full.indexOf('<Ntry>') + 1)));
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.problems[0]!.message).toMatch(/<Stmt> \(opened on line 8\).*truncated/);
    const broken = parseCamt053(full.replace('</Cdtr>', '</Dbtr>'));
    expect(broken.ok === false && broken.problems[0]).toMatchObject({
      line: 65,
      message: expect.stringContaining('</Cdtr>'),
    });
    const camt52 = parseCamt053(
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.02"><BkToCstmrAcctRpt/></Document>',
    );
    expect(camt52.ok === false && camt52.problems[0]!.message).toMatch(/camt\.052/);
    expect(parseCamt053('').ok).toBe(false);
  });

  it('refuses invalid character references and absurd nesting with the line, never throwing', () => {
    const full = fixture('camt053-v02.xml');
    for (const ref of ['&#x110000;', '&#99999999999;']) {
      const r = parseCamt053(full.replace('Strom 03/2026', `Strom ${ref}`));
      expect(r.ok === false && r.problems[0]).toMatchObject({
        line: 67,
        message: expect.stringContaining(ref),
      });
    }
    const deep = full.replace(
      '<Ustrd>Strom 03/2026</Ustrd>',
      '<X>'.repeat(20_000) + '</X>'.repeat(20_000) + '<Ustrd>Strom 03/2026</Ustrd>',
    );
    const r = parseCamt053(deep);
    expect(r.ok === false && r.problems[0]).toMatchObject({
      line: 67,
      message: expect.stringMatching(/nested more than 256 deep/),
    });
  });
});
