import { describe, expect, it } from 'vitest';
import { mutation, query } from './define';
import { joinHandlers } from './server';

const ledger = {
  'ledger.listAccounts': query<void, string[]>()({ reads: ['account'] }),
  'ledger.saveAccount': mutation<{ code: string }, string>()({ writes: ['account'] }),
};
const payroll = { 'payroll.listRuns': query<void, string[]>()({ reads: ['payRun'] }) };

const ledgerHandlers = {
  'ledger.listAccounts': async () => ['1200 Bank'],
  'ledger.saveAccount': async ({ code }: { code: string }) => code,
};

describe('joining the areas’ handlers', () => {
  it('serves every declared method of every area', async () => {
    const served = joinHandlers([
      { area: 'ledger', contract: ledger, handlers: ledgerHandlers },
      {
        area: 'payroll',
        contract: payroll,
        handlers: { 'payroll.listRuns': async () => ['2026-05'] },
      },
    ]);
    expect(Object.keys(served).sort()).toEqual([
      'ledger.listAccounts',
      'ledger.saveAccount',
      'payroll.listRuns',
    ]);
    expect(await served['ledger.saveAccount']!({ code: '1200' })).toBe('1200');
  });

  it('names a missing handler, a stray one and a method declared twice, and serves nothing', () => {
    const { 'ledger.saveAccount': _saved, ...missing } = ledgerHandlers;
    expect(() => joinHandlers([{ area: 'ledger', contract: ledger, handlers: missing }])).toThrow(
      'ledger has no handler for "ledger.saveAccount"',
    );
    expect(() =>
      joinHandlers([
        {
          area: 'ledger',
          contract: ledger,
          handlers: { ...ledgerHandlers, 'ledger.closeYear': async () => null },
        },
      ]),
    ).toThrow('ledger handles "ledger.closeYear", which its contract does not declare');
    expect(() =>
      joinHandlers([
        { area: 'ledger', contract: ledger, handlers: ledgerHandlers },
        {
          area: 'payroll',
          contract: { ...payroll, 'ledger.listAccounts': ledger['ledger.listAccounts'] },
          handlers: { ...ledgerHandlers, 'payroll.listRuns': async () => [] },
        },
      ]),
    ).toThrow('"ledger.listAccounts" is declared twice (again by payroll)');
  });
});
