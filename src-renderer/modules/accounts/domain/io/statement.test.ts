import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectStatementFormat } from './statement';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('detectStatementFormat', () => {
  it('recognises each fixture', () => {
    expect(detectStatementFormat(fixture('ofx1-checking.ofx'))).toBe('ofx');
    expect(detectStatementFormat(fixture('ofx2-creditcard.qfx'))).toBe('ofx');
    expect(detectStatementFormat(fixture('camt053-v02.xml'))).toBe('camt053');
    expect(detectStatementFormat(fixture('camt053-v08.xml'))).toBe('camt053');
    expect(detectStatementFormat(fixture('statement-de.csv'))).toBe('csv');
  });
});
