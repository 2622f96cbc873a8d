import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCamt053 } from './camt053';
import { parseOfx } from './ofx';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/**
 * Banks reuse references: camt.053 files from Swiss banks put AcctSvcrRef "NONREF" on every
 * entry without one (camt053-nonref.xml, modelled on a PostFinance camt.053.001.04 export),
 * and some OFX exporters give every transaction of a day the same FITID (ofx1-repeated-fitid.ofx,
 * OFX 1.02 SGML as in the OFX 1.0.2 specification's examples).
 */
describe('statement line identity', () => {
  it('keeps seven NONREF entries apart, including two identical card payments on one day', () => {
    const r = parseCamt053(fixture('camt053-nonref.xml'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.items).toHaveLength(7);
    expect(new Set(r.items.map((i) => i.externalId)).size).toBe(7);
    expect(r.items.slice(1, 3).map((i) => i.externalId)).toEqual([
      'r:NONREF|2026-04-02|-450',
      'r:NONREF|2026-04-02|-450|1',
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('gives repeated FITIDs ids that do not move when a line is added above them', () => {
    const text = fixture('ofx1-repeated-fitid.ofx');
    const r = parseOfx(text);
    const shifted = parseOfx(text.replace('<OFX>', '\n<OFX>'));
    if (!r.ok || !shifted.ok) throw new Error('not read');
    expect(r.items.map((i) => i.externalId)).toEqual([
      'r:20260406|2026-04-06|-4217',
      'r:20260406|2026-04-06|-4217|1',
      'r:20260406|2026-04-06|-999',
      'r:20260407|2026-04-07|250000',
    ]);
    expect(shifted.items.map((i) => i.externalId)).toEqual(r.items.map((i) => i.externalId));
  });

  it('reads every transaction of an OFX file missing </BANKTRANLIST>', () => {
    const r = parseOfx(fixture('ofx1-checking.ofx').replace(/<\/BANKTRANLIST>\r?\n/, ''));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.items.map((i) => i.amount)).toEqual([1_250_000, -125_000, -1550, -475]);
    expect(r.meta.periodStart).toBe('2026-03-01');
  });

  it('refuses an OFX file whose transactions cannot all be read, rather than reading fewer', () => {
    const r = parseOfx(
      fixture('ofx1-checking.ofx').replace(
        '</STMTRS>',
        '</STMTRS>\n<STMTTRN>\n<TRNTYPE>DEBIT\n<DTPOSTED>20260331\n<TRNAMT>-2.00\n<FITID>X1\n</STMTTRN>',
      ),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.message).toMatch(/lists 5 transactions but only 4 could be read/);
  });
});
