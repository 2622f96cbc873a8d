import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncProblem } from '../rpc/contract';
import type { AddressOutcome } from './server-addresses';
import { probeAddress } from './connection';
import { ServerLink, type LinkTiming } from './server-link';
import { LOCKOUT_REASON } from './lockout';

/**
 * The link decides, before and between replications, which address sync uses and whether it
 * may. The probe is replaced by a script of what each node answers; time is simulated.
 */
const NODE1 = 'http://10.0.0.11:5984';
const NODE2 = 'http://10.0.0.12:5984';
const CREDS = { username: 'jane', password: 'jane-pass-1' };
const HQ = { name: 'jane', roles: ['hq'] };
const deps = {
  fetch: (() => Promise.reject(new Error('unused'))) as typeof fetch,
  origin: 'http://192.168.1.20:4173',
  corsApplies: true,
};
const TIMING: LinkTiming = { retryMs: () => 1_000, lockoutMs: 5 * 60_000, failbackMs: () => 5_000 };

const up: AddressOutcome = { kind: 'up', user: HQ };
const down = (kind: SyncProblem['kind'] = 'network'): AddressOutcome => ({
  kind: 'down',
  problem: { kind, message: kind },
});
const refused = (kind: 'auth' | 'locked'): AddressOutcome => ({
  kind: 'refused',
  problem: { kind, message: kind },
});

function setup(urls: string[], answers: Record<string, AddressOutcome>) {
  const asked: string[] = [];
  const events: string[] = [];
  const probe = vi.fn(async (url: string) => {
    asked.push(url);
    return answers[url]!;
  });
  const link = new ServerLink(
    urls,
    CREDS,
    deps,
    {
      up: (url, user) => events.push(`up ${url} ${user.roles.join(',')}`),
      down: (p, fatal) => events.push(`down ${p.kind}${fatal ? ' fatal' : ''}`),
    },
    TIMING,
    probe,
  );
  links.push(link);
  return { link, asked, events, answers };
}

const links: ServerLink[] = [];
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  links.splice(0).forEach((l) => l.stop());
  vi.useRealTimers();
});

describe('the server link', () => {
  it('asks once with a wrong password and never again (five tries would lock the user out)', async () => {
    const { link, asked, events } = setup([NODE1, NODE2], {
      [NODE1]: refused('auth'),
      [NODE2]: up,
    });
    await link.check();
    link.suspect(false);
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(asked).toEqual([NODE1]);
    expect(events).toEqual(['down auth fatal']);
  });

  it('leaves a locked-out user alone until the lockout has passed, then syncs', async () => {
    const s = setup([NODE1], { [NODE1]: refused('locked') });
    await s.link.check();
    expect(s.events).toEqual(['down locked']);
    s.link.suspect(false);
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect(s.asked).toHaveLength(1);
    s.answers[NODE1] = up;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.asked).toHaveLength(2);
    expect(s.events).toEqual(['down locked', `up ${NODE1} hq`]);
  });

  it('recovers by itself after a CORS refusal is fixed, and reports the roles again', async () => {
    const s = setup([NODE1], { [NODE1]: down('cors') });
    await s.link.check();
    expect(s.events).toEqual(['down cors']);
    s.answers[NODE1] = up;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.events).toEqual(['down cors', `up ${NODE1} hq`]);
    expect(s.link.url).toBe(NODE1);
  });

  it('fails over to the next node while the first is down, and back once it answers', async () => {
    const s = setup([NODE1, NODE2], { [NODE1]: down(), [NODE2]: up });
    await s.link.check();
    expect(s.link.url).toBe(NODE2);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(s.link.url).toBe(NODE2);
    s.answers[NODE1] = up;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(s.link.url).toBe(NODE1);
    expect(s.events).toEqual([`up ${NODE2} hq`, `up ${NODE1} hq`]);
  });

  it('moves off a node that answers 412 or 5xx to replications while another can take over', async () => {
    const s = setup([NODE1, NODE2], { [NODE1]: up, [NODE2]: up });
    await s.link.check();
    s.link.suspect(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.link.url).toBe(NODE2);
  });
});

describe('asking one address', () => {
  const fetchOf = (impl: (url: string, init?: RequestInit) => Promise<Response>) => ({
    ...deps,
    fetch: impl as typeof fetch,
  });

  it('calls a failure that a no-cors request gets through a CORS refusal, naming the origin', async () => {
    const f = fetchOf(async (_url, init) => {
      if (init?.mode === 'no-cors') return new Response(null, { status: 200 });
      throw new TypeError('Failed to fetch');
    });
    const o = await probeAddress(NODE1, CREDS, f);
    expect(o).toMatchObject({
      kind: 'down',
      problem: { kind: 'cors', message: expect.stringContaining('http://192.168.1.20:4173') },
    });
  });

  it('tells an unreachable server, a lockout and a wrong password apart', async () => {
    expect(
      await probeAddress(
        NODE1,
        CREDS,
        fetchOf(async () => Promise.reject(new TypeError('Failed to fetch'))),
      ),
    ).toMatchObject({ kind: 'down', problem: { kind: 'network' } });
    const locked = fetchOf(async () =>
      Response.json({ error: 'forbidden', reason: LOCKOUT_REASON }, { status: 403 }),
    );
    expect(await probeAddress(NODE1, CREDS, locked)).toMatchObject({
      kind: 'refused',
      problem: { kind: 'locked' },
    });
    const wrong = fetchOf(async () =>
      Response.json(
        { error: 'unauthorized', reason: 'Name or password is incorrect.' },
        { status: 401 },
      ),
    );
    expect(await probeAddress(NODE1, CREDS, wrong)).toMatchObject({
      kind: 'refused',
      problem: { kind: 'auth' },
    });
    const ok = fetchOf(async () =>
      Response.json({ ok: true, userCtx: { name: 'jane', roles: ['hq'] } }),
    );
    expect(await probeAddress(NODE1, CREDS, ok)).toEqual({ kind: 'up', user: HQ });
  });

  it('gives up on a node that never answers, so the link can move on', async () => {
    // A vanished host whose connections hang: only the abort signal ends the request.
    const hangs = fetchOf(
      (_url, init) =>
        new Promise<Response>((_ok, fail) =>
          init?.signal?.addEventListener('abort', () => fail(init.signal!.reason)),
        ),
    );
    expect(await probeAddress(NODE1, CREDS, hangs, 50)).toMatchObject({
      kind: 'down',
      problem: { kind: 'network' },
    });
  });
});
