import { describe, expect, it } from 'vitest';
import { copyProgressPercent, copyProgressText, provisionText } from './copy-progress';

const startedAt = '2026-03-02T09:00:00.000Z';

describe('first-copy progress in words', () => {
  it('never shows NaN when the server gave no count (its database is missing)', () => {
    const p = { done: 0, total: Number.NaN, startedAt };
    expect(copyProgressText(p)).toBe('0 records');
    expect(copyProgressText({ done: Number.NaN, total: null, startedAt })).toBe('0 records');
    expect(copyProgressPercent(p)).toBe(0);
  });

  it('gives done of total and the time left once there is enough to go on', () => {
    const now = new Date('2026-03-02T09:01:00.000Z');
    expect(copyProgressText({ done: 400, total: 4000, startedAt }, now)).toBe(
      '400 of 4,000 records · about 9 minutes left',
    );
    expect(copyProgressPercent({ done: 400, total: 4000 })).toBe(10);
  });

  it('says "1 record", not "1 records"', () => {
    expect(copyProgressText({ done: 1, total: null, startedAt })).toBe('1 record');
    expect(copyProgressText({ done: 1, total: 1, startedAt })).toBe('1 of 1 record');
    expect(copyProgressText({ done: 0, total: 1, startedAt })).toBe('0 of 1 record');
    expect(copyProgressText({ done: 1, total: 2, startedAt }, new Date(startedAt))).toBe(
      '1 of 2 records',
    );
  });

  it('tells the administrator the provisioning command with the real flags', () => {
    const text = provisionText('acme', 'branch-chi');
    expect(text).toContain('provision branch CHI');
    expect(text).toContain(
      'npm run server:provision -- --org acme --branches CHI --url <server address> --admin-user <admin> --admin-password <password>',
    );
  });
});
