import { MASTER_DB, remoteDbName } from '../db/names';
import type { ConnectionCheck, ConnectionTestResult, InspectServerInput } from '../rpc/contract';
import { CORS_PROBLEM, describeSyncError } from './describe-error';
import { isLockout, lockoutWaitMs } from './lockout';
import type { AddressOutcome } from './server-addresses';

/**
 * "Test connection" (issue 2 §7): three checks a clerk can read — the server answers, it
 * accepts the username and password, and it lets this user open the company's data.
 * A browser hides why a cross-origin request failed, so a no-cors probe tells "the server is
 * down" apart from "the server refused this app's origin".
 */
export function basicAuth(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return `Basic ${btoa(bin)}`;
}

export interface ConnectionDeps {
  fetch: typeof fetch;
  /** The app's origin as the server sees it (location.origin), for CORS messages. */
  origin: string;
  /** Whether requests are cross-origin and subject to CORS (true in a browser/worker). */
  corsApplies: boolean;
}

export async function testConnection(
  input: InspectServerInput,
  deps: ConnectionDeps,
): Promise<ConnectionTestResult> {
  const url = input.serverUrl.replace(/\/+$/, '');
  const checks: ConnectionCheck[] = [];
  const ctx = { serverUrl: url };
  const fail = (message: string): ConnectionTestResult => ({ ok: false, message, checks });

  if (!/^https?:\/\/[^/\s]+/i.test(url)) {
    checks.push({
      label: 'Server address',
      ok: false,
      detail: 'The address must start with http:// or https://.',
    });
    return fail('That is not a server address. It looks like http://server:5984.');
  }

  try {
    const res = await deps.fetch(`${url}/`, { headers: { Accept: 'application/json' } });
    const body = (await res.json().catch(() => ({}))) as {
      couchdb?: string;
      'express-pouchdb'?: string;
      version?: string;
    };
    // Apache CouchDB says {"couchdb":"Welcome"}; pouchdb-server says {"express-pouchdb":"Welcome!"}.
    if (!body.couchdb && !body['express-pouchdb']) {
      checks.push({
        label: 'Server answers',
        ok: false,
        detail: `The address answered, but it is not a CouchDB sync server (HTTP ${res.status}).`,
      });
      return fail(
        'The address answered, but it is not an Outpost sync server. Check the address and port.',
      );
    }
    checks.push({
      label: 'Server answers',
      ok: true,
      detail: `CouchDB-compatible server${body.version ? ` ${body.version}` : ''}.`,
    });
  } catch (e) {
    if (deps.corsApplies && (await reachableWithoutCors(url, deps.fetch))) {
      const p = CORS_PROBLEM(deps.origin);
      checks.push({ label: 'Server answers', ok: false, detail: p.message });
      return fail(p.message);
    }
    const p = describeSyncError(e, ctx);
    checks.push({ label: 'Server answers', ok: false, detail: p.message });
    return fail(p.message);
  }

  // The same question the sync engine asks before it syncs (see probeAddress).
  const session = await probeAddress(url, input, deps);
  if (session.kind !== 'up') {
    checks.push({ label: 'Username and password', ok: false, detail: session.problem.message });
    return fail(session.problem.message);
  }
  checks.push({
    label: 'Username and password',
    ok: true,
    detail: `Signed in as ${session.user.name}.`,
  });

  const auth = basicAuth(input.username, input.password);
  const remote = remoteDbName(input.orgCode, MASTER_DB);
  try {
    const res = await deps.fetch(`${url}/${encodeURIComponent(remote)}`, {
      headers: { Accept: 'application/json', Authorization: auth },
    });
    if (!res.ok) {
      const p = describeSyncError({ status: res.status }, { serverUrl: url, remoteName: remote });
      checks.push({ label: 'Company data', ok: false, detail: p.message });
      return fail(p.message);
    }
    checks.push({ label: 'Company data', ok: true, detail: `This user can open ${remote}.` });
  } catch (e) {
    const p = describeSyncError(e, { serverUrl: url, remoteName: remote });
    checks.push({ label: 'Company data', ok: false, detail: p.message });
    return fail(p.message);
  }

  return {
    ok: true,
    message: 'Connected: the server accepts this user and holds the company data.',
    checks,
  };
}

export async function reachableWithoutCors(
  url: string,
  f: typeof fetch,
  timeoutMs = 20_000,
): Promise<boolean> {
  try {
    await f(`${url}/`, { mode: 'no-cors', signal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}

/** Who the server says these credentials belong to, or null when it does not accept them. */
export async function fetchSessionUser(
  serverUrl: string,
  creds: { username: string; password: string },
  f: typeof fetch,
): Promise<{ name: string; roles: string[] } | null> {
  const o = await probeAddress(serverUrl.replace(/\/+$/, ''), creds, {
    fetch: f,
    origin: '',
    corsApplies: false,
  });
  return o.kind === 'up' ? o.user : null;
}

/**
 * How long one question to an address may take. A node that vanished without closing its
 * connections (a dead host, a blackholed route on a bad link) would otherwise hold the link's
 * round open for ever: no failover, no retry, "connecting" for good.
 */
export const PROBE_TIMEOUT_MS = 20_000;

export async function probeAddress(
  url: string,
  creds: { username: string; password: string },
  deps: ConnectionDeps,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<AddressOutcome> {
  let res: Response;
  let body: {
    reason?: string;
    error?: string;
    userCtx?: { name: string | null; roles?: string[] };
  };
  try {
    res = await deps.fetch(`${url}/_session`, {
      headers: {
        Accept: 'application/json',
        Authorization: basicAuth(creds.username, creds.password),
      },
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = (await res.json().catch(() => ({}))) as typeof body;
  } catch (e) {
    // A browser hides why a cross-origin request failed; an opaque answer to a no-cors request means the server is there.
    if (deps.corsApplies && (await reachableWithoutCors(url, deps.fetch, timeoutMs)))
      return { kind: 'down', problem: CORS_PROBLEM(deps.origin) };
    return { kind: 'down', problem: describeSyncError(e, { serverUrl: url }) };
  }
  if (isLockout({ status: res.status, reason: body.reason })) {
    return {
      kind: 'refused',
      problem: describeSyncError({ status: res.status, reason: body.reason }, { serverUrl: url }),
      retryAfterMs: lockoutWaitMs(res.headers.get('Retry-After')),
    };
  }
  if (res.status === 401 || (res.ok && !body.userCtx?.name))
    return { kind: 'refused', problem: describeSyncError({ status: 401 }, { serverUrl: url }) };
  if (!res.ok)
    return {
      kind: 'down',
      problem: describeSyncError({ status: res.status, reason: body.reason }, { serverUrl: url }),
    };
  return { kind: 'up', user: { name: body.userCtx!.name!, roles: body.userCtx!.roles ?? [] } };
}
