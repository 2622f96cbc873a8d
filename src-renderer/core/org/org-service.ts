import { z } from 'zod';
import { OutpostError } from '../errors';
import { branchDbName, MASTER_DB } from '../db/names';
import { parseOrThrow } from '../db/validation';
import type { Session } from '../session';
import type { BranchActivity } from '../rpc/contract';
import {
  branchFieldsSchema,
  companyFieldsSchema,
  COMPANY_WIDE,
  type Branch,
  type Company,
  type Device,
} from './schemas';

/** Rules about the company's own records that the forms, the core and the server share. */

export function deviceLetterTaken(devices: Device[], branchCode: string, letter: string): boolean {
  return devices.some((d) => d.branchCode === branchCode && d.letter === letter);
}

export function freeDeviceLetters(devices: Device[], branchCode: string): string[] {
  const used = new Set(devices.filter((d) => d.branchCode === branchCode).map((d) => d.letter));
  return [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].filter((l) => !used.has(l));
}

export const addBranchInputSchema = branchFieldsSchema.omit({ archived: true });

export async function addBranch(session: Session, input: unknown): Promise<Branch> {
  const fields = parseOrThrow(addBranchInputSchema, input, 'The branch was not saved.');
  const existing = await session.branches.list();
  if (existing.some((b) => b.code === fields.code)) {
    throw new OutpostError(
      'validation',
      `The branch was not saved: ${fields.code} is already used by another branch.`,
      {
        code: 'Another branch already uses this code.',
      },
    );
  }
  return session.branches.create({ ...fields, archived: false }, COMPANY_WIDE);
}

const updateCompanyInputSchema = companyFieldsSchema.pick({
  name: true,
  fiscalYearStartMonth: true,
});

export async function updateCompany(session: Session, input: unknown): Promise<Company> {
  const patch = parseOrThrow(updateCompanyInputSchema, input, 'The company was not saved.');
  return session.companies.update(session.config.companyId, patch);
}

/** The databases a device of this branch holds (DESIGN §2): master and its own branch. */
export function databasesForBranch(branchCode: string): string[] {
  return [MASTER_DB, branchDbName(branchCode)];
}

export const joinDeviceSchema = z.object({
  branchCode: branchFieldsSchema.shape.code,
});

/**
 * "Last heard from" per branch: the newest record from it in the index (which follows every
 * synced database), and how many of its records are in conflict. Conflicted rows are few and
 * indexed (`conflicts`), so they are read once and counted per database.
 */
export async function branchActivity(session: Session): Promise<BranchActivity[]> {
  const [branches, conflicted] = await Promise.all([
    session.branches.list(),
    session.index.catalog.where('conflicts').above(0).toArray(),
  ]);
  const conflictsByDb = new Map<string, number>();
  for (const row of conflicted) conflictsByDb.set(row.db, (conflictsByDb.get(row.db) ?? 0) + 1);
  return Promise.all(
    branches.map(async (b) => {
      const db = branchDbName(b.code);
      const held = session.dbs.has(db);
      if (!held)
        return { code: b.code, name: b.name, held, lastHeardFrom: null, records: 0, conflicts: 0 };
      const range = session.index.catalog.where('[db+updatedAt]').between([db, ''], [db, '\uffff']);
      const [newest, records] = await Promise.all([range.last(), range.count()]);
      return {
        code: b.code,
        name: b.name,
        held,
        lastHeardFrom: newest?.updatedAt || null,
        records,
        conflicts: conflictsByDb.get(db) ?? 0,
      };
    }),
  );
}
