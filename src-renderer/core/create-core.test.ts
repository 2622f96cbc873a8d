import { afterEach, describe, expect, it } from 'vitest';
import { ACME_INPUT, startTestDevice, type TestDevice } from './testing/node-core';
import { OutpostError } from './errors';

let device: TestDevice | null = null;
afterEach(async () => {
  await device?.close();
  device = null;
});

describe('first run: create a company', () => {
  it('starts in setup and becomes ready with company, branch and device', async () => {
    device = await startTestDevice();
    expect(await device.call('app.getState', undefined)).toEqual({ phase: 'setup' });
    const state = await device.call('setup.createCompany', ACME_INPUT);
    expect(state.phase).toBe('ready');
    if (state.phase !== 'ready') return;
    expect(state.company).toMatchObject({
      name: 'Acme Trading Ltd',
      orgCode: 'acme',
      type: 'company',
      v: 1,
      branch: '*',
    });
    expect(state.company._id).toMatch(/^company:[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(state.branch).toMatchObject({
      code: 'NYC',
      name: 'New York',
      currency: 'USD',
      archived: false,
    });
    expect(state.device).toMatchObject({
      letter: 'A',
      branchCode: 'NYC',
      createdBy: 'Alice Admin',
    });
    expect(state.device._id).toBe(state.company.device);
    // Nothing has reached a server yet: the three documents are pending.
    expect((await device.call('sync.getStatus', undefined)).pending).toBe(3);
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    device = await startTestDevice();
    const bad = {
      ...ACME_INPUT,
      company: { ...ACME_INPUT.company, orgCode: 'Acme Corp' },
      branch: { ...ACME_INPUT.branch, code: 'ny' },
    };
    const err = await device.call('setup.createCompany', bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutpostError);
    const fields = (err as OutpostError).fields ?? {};
    expect(fields['company.orgCode']).toMatch(/lowercase letters, digits or dashes/);
    expect(fields['branch.code']).toMatch(/capital letters or digits/);
    expect(await device.call('app.getState', undefined)).toEqual({ phase: 'setup' });
  });

  it('refuses a second company on the same device', async () => {
    device = await startTestDevice();
    await device.call('setup.createCompany', ACME_INPUT);
    await expect(device.call('setup.createCompany', ACME_INPUT)).rejects.toThrow(
      /already belongs to a company/,
    );
  });
});

describe('branches and the index', () => {
  it('adds a branch, refuses a duplicate code, and finds it through search', async () => {
    device = await startTestDevice();
    await device.call('setup.createCompany', ACME_INPUT);
    await device.call('org.addBranch', { code: 'BOS', name: 'Boston', currency: 'USD' });
    await expect(
      device.call('org.addBranch', { code: 'BOS', name: 'Boston 2', currency: 'USD' }),
    ).rejects.toMatchObject({
      code: 'validation',
      fields: { code: 'Another branch already uses this code.' },
    });
    const branches = await device.call('org.listBranches', undefined);
    expect(branches.map((b) => b.code)).toEqual(['NYC', 'BOS']);
    const dash = await device.call('index.dashboard', undefined);
    expect(dash.branches).toBe(2);
    expect(dash.devices).toBe(1);
    const hits = await device.call('index.search', { text: 'bost' });
    expect(hits.map((h) => h.title)).toEqual(['BOS — Boston']);
    expect(device.events.some((e) => e.kind === 'changed' && e.types.includes('branch'))).toBe(
      true,
    );
  });

  it('rebuilds the index from PouchDB with the same result and reports progress', async () => {
    device = await startTestDevice();
    await device.call('setup.createCompany', ACME_INPUT);
    for (const [code, name] of [
      ['BOS', 'Boston'],
      ['LON', 'London'],
      ['SG1', 'Singapore'],
    ]) {
      await device.call('org.addBranch', { code: code!, name: name!, currency: 'USD' });
    }
    const before = await device.call('index.dashboard', undefined);
    const status = await device.call('index.rebuild', undefined);
    expect(status.rebuilding).toBe(false);
    expect(status.lastRebuiltAt).not.toBeNull();
    const after = await device.call('index.dashboard', undefined);
    expect(after).toEqual(before);
    expect(after.branches).toBe(4);
    const progress = device.events.filter(
      (e) => e.kind === 'progress' && e.task === 'index-rebuild',
    );
    expect(progress.at(-1)).toMatchObject({ finished: true });
  });
});
