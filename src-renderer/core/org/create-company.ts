import { OutpostError } from '../errors';
import { MASTER_DB } from '../db/names';
import { openLocalDb, type PouchEnv } from '../db/pouch';
import { LocalWrites } from '../db/local-writes';
import { Repository } from '../db/repository';
import { parseOrThrow } from '../db/validation';
import { newId } from '../ids';
import { createRegistry } from '../session';
import type { DeviceConfig, DeviceConfigStore } from './device-config';
import { databasesForBranch } from './org-service';
import {
  COMPANY_WIDE,
  createCompanyInputSchema,
  type Branch,
  type Company,
  type Device,
} from './schemas';

/**
 * First run, "Create a company": the company, its first branch and this device are written to
 * the local master in one bulkDocs (validated first, so bad input writes nothing), then the
 * device configuration is saved. They sync to the server once the user connects.
 */
export async function createCompany(
  env: PouchEnv,
  store: DeviceConfigStore,
  input: unknown,
  now: () => Date,
): Promise<{ config: DeviceConfig; written: { id: string; rev: string; type: string }[] }> {
  if (await store.load()) {
    throw new OutpostError('state', 'This device already belongs to a company.');
  }
  const data = parseOrThrow(createCompanyInputSchema, input, 'The company was not created.');
  const deviceId = newId('device');
  const ctx = () => ({
    userName: data.userName,
    deviceId,
    now,
    baseCurrency: data.company.baseCurrency,
  });
  const registry = createRegistry();
  const master = openLocalDb(env, data.company.orgCode, MASTER_DB);
  // The session is not open yet: what is written here is announced to it once it is (create-core).
  const writes = new LocalWrites();
  const companies = new Repository<Company>(master, MASTER_DB, registry, 'company', ctx, writes);
  const branches = new Repository<Branch>(master, MASTER_DB, registry, 'branch', ctx, writes);
  const devices = new Repository<Device>(master, MASTER_DB, registry, 'device', ctx, writes);
  const company = companies.build(data.company, COMPANY_WIDE);
  const branch = branches.build({ ...data.branch, archived: false }, COMPANY_WIDE);
  const device = devices.build(
    { branchCode: data.branch.code, ...data.device },
    COMPANY_WIDE,
    deviceId,
  );
  const results = await master.bulkDocs([company, branch, device]);
  await master.close();
  const failed = results.find((r) => 'error' in r && r.error);
  if (failed)
    throw new OutpostError('internal', 'The company could not be saved on this device. Try again.');
  const config: DeviceConfig = {
    orgCode: data.company.orgCode,
    companyId: company._id,
    branchCode: data.branch.code,
    deviceId,
    letter: data.device.letter,
    label: data.device.label,
    userName: data.userName,
    databases: databasesForBranch(data.branch.code),
    server: null,
  };
  await store.save(config);
  const written = results.map((r, i) => ({
    id: r.id!,
    rev: (r as { rev: string }).rev,
    type: [company, branch, device][i]!.type,
  }));
  return { config, written };
}
