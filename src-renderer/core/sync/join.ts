import { OutpostError } from '../errors';
import { MASTER_DB, remoteDbName } from '../db/names';
import { openLocalDb, openRemoteDb, type Db, type PouchEnv } from '../db/pouch';
import { LocalWrites } from '../db/local-writes';
import { Repository } from '../db/repository';
import { parseOrThrow } from '../db/validation';
import { idRange, newId } from '../ids';
import { serverConfigOf, type DeviceConfig, type DeviceConfigStore } from '../org/device-config';
import { databasesForBranch, deviceLetterTaken } from '../org/org-service';
import {
  branchCodeSchema,
  branchSchema,
  companySchema,
  COMPANY_WIDE,
  deviceFieldsSchema,
  deviceSchema,
  orgCodeSchema,
  type Company,
  type Device,
} from '../org/schemas';
import type { InspectServerInput, JoinCompanyInput, ServerCompanyPreview } from '../rpc/contract';
import { createRegistry } from '../session';
import { describeSyncError } from './describe-error';
import { z } from 'zod';
import { serverUrlSchema, serverUrlsSchema } from './server-addresses';

const serverInputSchema = z.object({
  serverUrl: serverUrlSchema,
  /** The other addresses of the service (cluster nodes), kept for failover; joining uses `serverUrl`. */
  serverUrls: serverUrlsSchema,
  orgCode: orgCodeSchema,
  username: z.string().trim().min(1, 'Enter your username.'),
  password: z.string().min(1, 'Enter your password.'),
});

const joinInputSchema = serverInputSchema.extend({
  branchCode: branchCodeSchema,
  device: z.object({
    letter: deviceFieldsSchema.shape.letter,
    label: deviceFieldsSchema.shape.label,
  }),
  userName: z.string().trim().min(1, 'Enter your name.').max(80),
});

function toOutpostError(e: unknown, serverUrl: string, remoteName: string): OutpostError {
  if (e instanceof OutpostError) return e;
  const p = describeSyncError(e, { serverUrl, remoteName });
  return new OutpostError(
    p.kind === 'network' ? 'network' : p.kind === 'auth' ? 'auth' : 'server',
    p.message,
  );
}

async function listType<T>(db: Db, type: string, schema: z.ZodType<T>): Promise<T[]> {
  const res = await db.allDocs({ ...idRange(type), include_docs: true });
  return res.rows.flatMap((r) => {
    const p = schema.safeParse(r.doc);
    return p.success ? [p.data] : [];
  });
}

/** Reads the company from the server's master without writing anything on this device. */
export async function inspectServer(
  env: PouchEnv,
  input: InspectServerInput,
): Promise<ServerCompanyPreview> {
  const data = parseOrThrow(serverInputSchema, input, 'Check the connection details.');
  const remoteName = remoteDbName(data.orgCode, MASTER_DB);
  const remote = openRemoteDb(env, data.serverUrl, remoteName, data);
  try {
    const [companies, branches, devices] = await Promise.all([
      listType(remote, 'company', companySchema),
      listType(remote, 'branch', branchSchema),
      listType(remote, 'device', deviceSchema),
    ]);
    const company = companies[0];
    if (!company) {
      throw new OutpostError(
        'not-found',
        `The server has the organisation "${data.orgCode}" but no company in it yet. The head office must create the company and sync first.`,
      );
    }
    return { company, branches: branches.filter((b) => !b.archived), devices };
  } catch (e) {
    throw toOutpostError(e, data.serverUrl, remoteName);
  } finally {
    await remote.close().catch(() => undefined);
  }
}

export interface JoinProgress {
  (label: string, done: number, total: number | null, finished: boolean): void;
}

/**
 * First run, "Join an existing company": pull master with progress, then register this device
 * (a device document in master, which any member may create). The branch follows through the
 * live sync. If the pull is interrupted nothing is registered, and running the join again
 * resumes from the replication checkpoint.
 */
export async function joinCompany(
  env: PouchEnv,
  store: DeviceConfigStore,
  input: JoinCompanyInput,
  now: () => Date,
  progress: JoinProgress,
): Promise<{ config: DeviceConfig; written: { id: string; rev: string; type: string }[] }> {
  if (await store.load())
    throw new OutpostError('state', 'This device already belongs to a company.');
  const data = parseOrThrow(joinInputSchema, input, 'The device could not join.');
  const preview = await inspectServer(env, data);
  if (!preview.branches.some((b) => b.code === data.branchCode)) {
    throw new OutpostError('validation', `The company has no branch ${data.branchCode}.`, {
      branchCode: 'Choose a branch of this company.',
    });
  }
  if (deviceLetterTaken(preview.devices, data.branchCode, data.device.letter)) {
    throw new OutpostError(
      'validation',
      `Letter ${data.device.letter} is already used by another device of ${data.branchCode}.`,
      {
        'device.letter': 'Another device of this branch uses this letter. Pick a free one.',
      },
    );
  }

  const databases = databasesForBranch(data.branchCode);
  // Only the company data is copied before the app opens (it is small and everything needs it);
  // the branch's records, which can be 100,000 documents, arrive through the live sync with a
  // progress bar and a time estimate while the clerk can already work. If the copy is
  // interrupted, running the join again resumes from the replication checkpoint.
  {
    const name = MASTER_DB;
    const remoteName = remoteDbName(data.orgCode, name);
    const remote = openRemoteDb(env, data.serverUrl, remoteName, data);
    const local = openLocalDb(env, data.orgCode, name);
    const label = 'Company data';
    try {
      const total = (await remote.info()).doc_count;
      progress(label, 0, total, false);
      const rep = local.replicate.from(remote, { batch_size: 1000, batches_limit: 4 });
      rep.on('change', (info) => progress(label, Math.min(total, info.docs_written), total, false));
      await rep;
      progress(label, total, total, true);
    } catch (e) {
      throw toOutpostError(e, data.serverUrl, remoteName);
    } finally {
      await remote.close().catch(() => undefined);
      await local.close().catch(() => undefined);
    }
  }

  const deviceId = newId('device');
  const master = openLocalDb(env, data.orgCode, MASTER_DB);
  const devices = new Repository<Device>(
    master,
    MASTER_DB,
    createRegistry(),
    'device',
    () => ({ userName: data.userName, deviceId, now, baseCurrency: preview.company.baseCurrency }),
    new LocalWrites(),
  );
  const device = devices.build(
    { branchCode: data.branchCode, ...data.device },
    COMPANY_WIDE,
    deviceId,
  );
  const res = await master.put(device);
  await master.close();
  const company: Company = preview.company;
  const config: DeviceConfig = {
    orgCode: data.orgCode,
    companyId: company._id,
    branchCode: data.branchCode,
    deviceId,
    letter: data.device.letter,
    label: data.device.label,
    userName: data.userName,
    databases,
    server: serverConfigOf(data),
  };
  await store.save(config);
  return { config, written: [{ id: res.id, rev: res.rev, type: 'device' }] };
}
