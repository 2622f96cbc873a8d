import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { accountsModule } from '../../modules/accounts';
import { createCore, type Core } from '../create-core';
import { openLocalDb } from '../db/pouch';
import { nodePouchEnv } from '../db/pouch-node';
import { DeviceConfigStore } from '../org/device-config';
import { ACME_INPUT } from '../testing/node-core';
import { listAutomatic, OPENED_WITH_DOC, readAutomatic, schemaVersions } from './automatic';
import { checkBackup, restoreBackup } from './restore';
import { readGzipLines } from './stream';
import { makeBackup } from './write-backup';

/** Bad files are refused before anything is written; an upgrade is preceded by a backup. */
let n = 0;
const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
});

async function device(prefix = `bk${++n}-${Date.now()}-`): Promise<{ core: Core; prefix: string }> {
  const core = await createCore({
    env: nodePouchEnv(prefix),
    dexie: { indexedDB, IDBKeyRange },
    emit: () => undefined,
    modules: [accountsModule],
  });
  cores.push(core);
  return { core, prefix };
}

const call = <T>(core: Core, m: string, p: unknown) =>
  (core.handlers as unknown as Record<string, (x: unknown) => Promise<T>>)[m]!(p);

async function companyWithBooks(): Promise<{ core: Core; prefix: string }> {
  const d = await device();
  await call(d.core, 'setup.createCompany', ACME_INPUT);
  await call(d.core, 'accounts.setupStarterChart', undefined);
  for (const [memo, amount] of [
    ['Owner invests capital', 5_000_000],
    ['March rent', 120_000],
  ] as const) {
    await call(d.core, 'accounts.postJournal', {
      date: '2026-04-02',
      memo,
      currency: 'USD',
      lines: [
        { account: '1200', debit: amount, credit: 0 },
        { account: '3100', debit: 0, credit: amount },
      ],
    });
  }
  return d;
}

async function backupOf(core: Core) {
  const s = core.session()!;
  return makeBackup({
    config: s.config,
    dbs: s.dbs,
    schema: schemaVersions(s.registry),
    reason: 'manual',
    now: () => new Date(),
  });
}

async function gzip(text: string): Promise<Blob> {
  return new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).blob();
}

async function linesOf(file: Blob): Promise<string[]> {
  const out: string[] = [];
  for await (const l of readGzipLines(file)) out.push(l);
  return out;
}

/** Restores into a fresh device and expects a refusal that names the problem; nothing may be written. */
async function expectRefused(file: Blob, message: RegExp): Promise<void> {
  const env = nodePouchEnv(`fresh${++n}-${Date.now()}-`);
  const store = new DeviceConfigStore(env);
  await expect(restoreBackup(file, env, store)).rejects.toThrow(message);
  expect(await store.load()).toBeNull();
  await store.close();
  for (const name of ['master', 'branch-nyc']) {
    const db = openLocalDb(env, 'acme', name);
    expect((await db.info()).doc_count).toBe(0);
    await db.close();
  }
}

describe('refusing a bad backup file', () => {
  it('a file cut short is refused and nothing is written', async () => {
    const { core } = await companyWithBooks();
    const made = await backupOf(core);
    await expectRefused(
      made.file.slice(0, Math.floor(made.file.size * 0.8)),
      /incomplete or damaged.*Nothing was restored/,
    );
    // Cut exactly after a line: unpacks fine, but the list of contents is missing.
    const lines = await linesOf(made.file);
    await expectRefused(
      await gzip(lines.slice(0, -1).join('\n') + '\n'),
      /cut short.*Nothing was restored/,
    );
  });

  it('a record changed after the backup was made is refused and nothing is written', async () => {
    const { core } = await companyWithBooks();
    const lines = await linesOf((await backupOf(core)).file);
    const i = lines.findIndex((l) => l.includes('March rent'));
    expect(i).toBeGreaterThan(0);
    lines[i] = lines[i]!.replace('March rent', 'March rant');
    await expectRefused(
      await gzip(lines.join('\n') + '\n'),
      /contents of branch-nyc were changed after the backup was made/,
    );
    // A record dropped: the counts no longer match.
    const dropped = (await linesOf((await backupOf(core)).file)).filter(
      (l) => !l.includes('March rent'),
    );
    await expectRefused(
      await gzip(dropped.join('\n') + '\n'),
      /branch-nyc should hold 2 records but holds 1/,
    );
  });

  it('a file that is not a backup, or from a newer Outpost, is refused with what to do', async () => {
    await expectRefused(await gzip('name,amount\nrent,1200\n'), /not an Outpost backup file/);
    await expectRefused(new Blob(['plain text, not packed']), /incomplete or damaged/);
    const { core } = await companyWithBooks();
    const lines = await linesOf((await backupOf(core)).file);
    lines[0] = lines[0]!.replace('"format":1', '"format":2');
    await expectRefused(
      await gzip(lines.join('\n') + '\n'),
      /newer version of Outpost.*Update Outpost/,
    );
  });

  it('a good file checks out with its counts', async () => {
    const { core } = await companyWithBooks();
    const made = await backupOf(core);
    const { summary } = await checkBackup(made.file);
    expect(summary.databases.find((d) => d.name === 'branch-nyc')).toMatchObject({
      docs: 2,
      revisions: 2,
    });
    expect(summary).toMatchObject({
      orgCode: 'acme',
      branchCode: 'NYC',
      deviceLetter: 'A',
      reason: 'manual',
    });
  });
});

describe('automatic backup before an upgrade', () => {
  it('is taken when the recorded index signature differs, and not when nothing changed', async () => {
    const { core, prefix } = await companyWithBooks();
    const deps = { env: nodePouchEnv(prefix), dexie: { indexedDB, IDBKeyRange } };
    await core.session()!.projector.settle();
    expect(await listAutomatic(deps)).toEqual([]);
    await core.close();
    cores.splice(cores.indexOf(core), 1);

    // Reopened by the same build: nothing to upgrade, no backup.
    let again = (await device(prefix)).core;
    expect(await listAutomatic(deps)).toEqual([]);
    await again.close();
    cores.splice(cores.indexOf(again), 1);

    // As if the last open was by a build with another index: the next open backs up first.
    const master = openLocalDb(deps.env, 'acme', 'master');
    const rec = (await master.get(`_local/${OPENED_WITH_DOC}`)) as unknown as { index: string };
    await master.put({ ...rec, index: '{"version":5}' });
    await master.close();
    again = (await device(prefix)).core;
    const kept = await listAutomatic(deps);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.name).toMatch(/^outpost-acme-NYC-A-.*-before-upgrade\.outpost-backup$/);
    const { summary } = await checkBackup((await readAutomatic(deps, kept[0]!.id))!.file);
    expect(summary.reason).toBe('before-upgrade');
    expect(summary.databases.find((d) => d.name === 'branch-nyc')).toMatchObject({ docs: 2 });
    // Recorded after the backup: the open after that takes none.
    await again.close();
    cores.splice(cores.indexOf(again), 1);
    await device(prefix);
    expect(await listAutomatic(deps)).toHaveLength(1);
  });
});
