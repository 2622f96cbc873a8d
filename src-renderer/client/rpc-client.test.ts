import { describe, expect, it } from 'vitest';
import { OutpostError } from '../core/errors';
import type { CoreEvent, HostMessage } from '../core/rpc/contract';
import { serveRpc, type RpcHandlers } from '../core/rpc/server';
import { RpcClient } from './rpc-client';

function channel() {
  const { port1, port2 } = new MessageChannel();
  port1.start();
  port2.start();
  return { ui: port1, core: port2 };
}

describe('RPC between the UI thread and the core', () => {
  it('returns typed results, carries clerk-readable errors, pushes events and host messages', async () => {
    const { ui, core } = channel();
    const host: HostMessage[] = [];
    const handlers = {
      'org.listBranches': async () => [],
      'org.addBranch': async () => {
        throw new OutpostError('validation', 'The branch was not saved.', {
          code: 'Another branch already uses this code.',
        });
      },
      'app.getState': async () => {
        throw new Error('disk on fire');
      },
    } as unknown as RpcHandlers;
    const emit = serveRpc(core as unknown as Parameters<typeof serveRpc>[0], handlers, (m) =>
      host.push(m),
    );
    const client = new RpcClient(ui as unknown as ConstructorParameters<typeof RpcClient>[0]);
    const events: CoreEvent[] = [];
    client.onEvent((e) => events.push(e));

    expect(await client.call('org.listBranches', undefined)).toEqual([]);
    const refused = await client
      .call('org.addBranch', { code: 'BOS', name: 'Boston', currency: 'USD' })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OutpostError);
    expect(refused).toMatchObject({
      code: 'validation',
      fields: { code: 'Another branch already uses this code.' },
    });
    // Unexpected failures still reach the clerk as a sentence, not a stack trace.
    await expect(client.call('app.getState', undefined)).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringMatching(/Nothing was saved/),
    });

    emit({ kind: 'changed', db: 'master', types: ['branch'] });
    client.tell({ host: 'online', online: false });
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toEqual([{ kind: 'changed', db: 'master', types: ['branch'] }]);
    expect(host).toEqual([{ host: 'online', online: false }]);
    ui.close();
    core.close();
  });
});
