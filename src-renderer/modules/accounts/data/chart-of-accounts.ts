import type { z } from 'zod';
import { OutpostError } from '../../../core/errors';
import { parseOrThrow } from '../../../core/db/validation';
import { COMPANY_WIDE, type DocBase } from '../../../core/org/schemas';
import type { ModuleContext } from '../../../core/module-context';
import {
  accountFieldsSchema,
  LEDGER_SETTINGS_ID,
  type Account,
  type LedgerSettings,
  type TaxCode,
} from '../domain/schemas';
import type { LedgerSetupStatus } from '../rpc-contract';
import { specialAccountEditProblem } from '../domain/ledger-settings';
import { ledgerTables } from './ledger-projection';
import { loadSettings, repos } from './ledger-repos';

/** Setting up the ledger (starter chart, tax codes, settings) and keeping the chart of accounts. */

export async function setupStatus(s: ModuleContext): Promise<LedgerSetupStatus> {
  const [settings, accounts, company] = await Promise.all([
    loadSettings(s),
    repos(s).accounts.list(),
    s.company(),
  ]);
  return {
    ready: settings !== null && accounts.length > 0,
    settings,
    baseCurrency: company.baseCurrency,
    accounts: accounts.length,
  };
}

export interface StarterData {
  accounts: z.input<typeof accountFieldsSchema>[];
  taxCodes: Omit<TaxCode, keyof DocBase>[];
  settings: Omit<LedgerSettings, keyof DocBase>;
}

/** Writes the starter chart, tax codes and settings in one bulkDocs per type; refuses if a chart exists. */
export async function setupStarterChart(
  s: ModuleContext,
  starter: StarterData,
): Promise<LedgerSetupStatus> {
  const r = repos(s);
  if ((await r.accounts.list()).length > 0 || (await loadSettings(s))) {
    throw new OutpostError('state', 'This company already has a chart of accounts.');
  }
  const accounts = starter.accounts.map((a) =>
    r.accounts.build(accountFieldsSchema.parse(a) as never, COMPANY_WIDE),
  );
  const taxCodes = starter.taxCodes.map((t) => r.taxCodes.build(t as never, COMPANY_WIDE));
  const settings = r.settings.build(starter.settings as never, COMPANY_WIDE, LEDGER_SETTINGS_ID);
  await r.accounts.createMany(accounts);
  await r.taxCodes.createMany(taxCodes);
  await r.settings.createMany([settings]);
  return setupStatus(s);
}

export async function saveAccount(
  s: ModuleContext,
  input: { id?: string; fields: unknown },
): Promise<Account> {
  const fields = parseOrThrow(accountFieldsSchema, input.fields, 'The account was not saved.');
  const r = repos(s);
  const all = await r.accounts.list();
  const clash = all.find((a) => a.code === fields.code && a._id !== input.id);
  if (clash)
    throw new OutpostError(
      'validation',
      `Account code ${fields.code} is already used by "${clash.name}".`,
      { code: 'This code is already used.' },
    );
  // A bank file is split by IBAN: one IBAN on two accounts would leave its statement nowhere.
  const sameIban = fields.iban && all.find((a) => a.iban === fields.iban && a._id !== input.id);
  if (sameIban)
    throw new OutpostError(
      'validation',
      `IBAN ${fields.iban} is already recorded on ${sameIban.code} ${sameIban.name}. An IBAN belongs to one bank account.`,
      { iban: `Already recorded on ${sameIban.code} ${sameIban.name}.` },
    );
  if (fields.parentCode) {
    const parent = all.find((a) => a.code === fields.parentCode);
    if (!parent || !parent.isGroup) {
      throw new OutpostError('validation', 'The parent must be an existing group account.', {
        parentCode: 'Choose a group account.',
      });
    }
    if (parent.kind !== fields.kind) {
      throw new OutpostError(
        'validation',
        `A ${fields.kind} account cannot sit under a ${parent.kind} group.`,
        { parentCode: 'Choose a group of the same kind.' },
      );
    }
  }
  if (input.id) {
    const current = all.find((a) => a._id === input.id);
    const settings = current ? await loadSettings(s) : null;
    const special = current && settings && specialAccountEditProblem(current, fields, settings);
    if (special)
      throw new OutpostError('validation', special.message, { [special.field]: special.message });
    if (
      current &&
      current.code !== fields.code &&
      (await ledgerTables(s.index).lines.any(current.code))
    ) {
      throw new OutpostError(
        'validation',
        'This account has postings, so its code cannot change. Create a new account instead.',
        { code: 'Has postings.' },
      );
    }
    return r.accounts.update(input.id, fields as never);
  }
  return r.accounts.create(fields as never, COMPANY_WIDE);
}
