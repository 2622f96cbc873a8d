import { afterEach, describe, expect, it } from 'vitest';
import type { Branch } from '../org/schemas';
import type { CoreEvent } from '../rpc/contract';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../testing/node-core';
import { poller } from '../testing/until';

/**
 * The `changed` event says when the conflict list may have moved (a document with a second
 * leaf: a conflict arriving, or its resolution), so the UI reads the Conflicts page again then
 * and not on every replicated batch.
 */
let device: TestDevice | null = null;
afterEach(async () => {
  await device?.close();
  device = null;
});

type Changed = Extract<CoreEvent, { kind: 'changed' }>;
const until = poller({ timeoutMs: 10_000, everyMs: 20 });

/** The `changed` events a write brings (a write straight to PouchDB reaches the index through its changes feed). */
async function nextChange(
  d: TestDevice,
  type: string,
  write: () => Promise<unknown>,
): Promise<{ conflicts: boolean }> {
  d.events.length = 0;
  await write();
  const ofType = async () =>
    d.events.filter((e): e is Changed => e.kind === 'changed' && e.types.includes(type));
  await until(ofType, (c) => c.length > 0, `a changed event for ${type}`);
  // Everything written so far is in the index, so no later event of this write is missed.
  await d.core.session()!.projector.settle();
  return { conflicts: (await ofType()).some((e) => e.conflicts === true) };
}

describe('changed events and conflicts', () => {
  it('an ordinary edit does not flag the conflicts; a second version arriving, and its resolution, do', async () => {
    device = await startTestDevice();
    const d = device;
    await d.call('setup.createCompany', ACME_INPUT);
    const master = d.core.session()!.dbs.get('master')!;

    const added = await nextChange(d, 'branch', () =>
      d.call('org.addBranch', { code: 'BOS', name: 'Boston', currency: 'USD' }),
    );
    expect(added.conflicts).toBe(false);

    const branch = (await d.call('org.listBranches', undefined)).find((b) => b.code === 'BOS')!;
    const edited = await nextChange(d, 'branch', () =>
      master.put({ ...branch, name: 'Boston Harbour' }),
    );
    expect(edited.conflicts).toBe(false);

    // Another office's edit of the same first version, as replication delivers it.
    const [gen, hash] = branch._rev!.split('-') as [string, string];
    const theirs = {
      ...branch,
      name: 'Boston Seaport',
      _rev: `2-${'b'.repeat(32)}`,
      _revisions: { start: 2, ids: ['b'.repeat(32), hash] },
    };
    expect(gen).toBe('1');
    const arrived = await nextChange(d, 'branch', () =>
      master.bulkDocs([theirs], { new_edits: false }),
    );
    expect(arrived.conflicts).toBe(true);
    expect(await d.call('conflicts.count', undefined)).toBe(1);

    const record = (await d.call('conflicts.list', undefined))[0]!;
    const keep = record.versions.find((v) => (v.doc as Branch).name === 'Boston Seaport')!;
    const resolved = await nextChange(d, 'branch', () =>
      d.call('conflicts.resolve', {
        db: record.db,
        id: record.id,
        revs: record.revs,
        keepRev: keep.rev,
      }),
    );
    expect(resolved.conflicts).toBe(true);
    expect(await d.call('conflicts.count', undefined)).toBe(0);
  });
});
