import { OutpostError } from '../errors';
import type { DexieDeps } from '../index/index-db';
import type { PouchEnv } from '../db/pouch';
import type { DeviceConfig, DeviceConfigStore } from '../org/device-config';
import type { AppState, CoreEvent } from '../rpc/contract';
import type { Session } from '../session';
import { forgetAutomatic, listAutomatic, readAutomatic, schemaVersions } from './automatic';
import type { HandlersOf } from '../rpc/define';
import type { BackupContract } from './backup-contract';
import { BackupFileError } from './format';
import { checkBackup, restoreBackup } from './restore';
import { makeBackup } from './write-backup';

export interface BackupHandlerDeps {
  env: PouchEnv;
  dexie?: DexieDeps;
  store: DeviceConfigStore;
  now(): Date;
  emit(event: CoreEvent): void;
  session(): Session | null;
  /** Opens the restored company, as after creating or joining one, and tells the UI. */
  open(config: DeviceConfig): Promise<AppState>;
}

function asBlob(file: unknown): Blob {
  if (!(file instanceof Blob))
    throw new OutpostError('validation', 'Choose a backup file to restore.');
  return file;
}

/** A damaged or foreign file is the clerk's to fix (another copy), so it is a validation error. */
async function clearly<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof BackupFileError) throw new OutpostError('validation', e.message);
    throw e;
  }
}

export function backupHandlers(deps: BackupHandlerDeps): HandlersOf<BackupContract> {
  const progress = (task: 'backup' | 'restore', label: string) => (done: number, total: number) =>
    deps.emit({ kind: 'progress', task, label, done, total, finished: done >= total });
  return {
    'backup.create': async () => {
      const s = deps.session();
      if (!s)
        throw new OutpostError(
          'state',
          'There is nothing to back up yet: this device has no company.',
        );
      // The pending list and refusal log are saved on a timer: the backup must hold them as they are now.
      await s.sync.flushSaved();
      const made = await makeBackup({
        config: s.config,
        dbs: s.dbs,
        schema: schemaVersions(s.registry),
        reason: 'manual',
        now: deps.now,
        progress: progress('backup', 'Backing up'),
      });
      return { file: made.file, name: made.name, summary: made.summary };
    },
    'backup.check': ({ file }) => clearly(async () => (await checkBackup(asBlob(file))).summary),
    'backup.restore': ({ file }) =>
      clearly(async () => {
        if (deps.session() || (await deps.store.load())) {
          throw new OutpostError(
            'state',
            'This device already has a company. A backup can only be restored on a device that has not been set up yet.',
          );
        }
        const { config } = await restoreBackup(
          asBlob(file),
          deps.env,
          deps.store,
          progress('restore', 'Restoring the backup'),
        );
        return deps.open(config);
      }),
    'backup.listAutomatic': () => listAutomatic(deps),
    'backup.readAutomatic': async ({ id }) => {
      const got = await readAutomatic(deps, id);
      if (!got)
        throw new OutpostError(
          'not-found',
          'That automatic backup is no longer kept on this device.',
        );
      const { summary } = await clearly(() => checkBackup(got.file));
      return { file: got.file, name: got.info.name, summary };
    },
    'backup.forgetAutomatic': ({ id }) => forgetAutomatic(deps, id),
  };
}
