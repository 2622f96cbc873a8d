import { MASTER_DB, remoteDbName } from '../db/names';
import type { ConnectionCheck, ConnectionTestResult, InspectServerInput } from '../rpc/contract';
import { CORS_PROBLEM, describeSyncError } from './describe-error';
import { isLockout } from './lockout';

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

export async function testConnection(input: InspectServerInput, deps: ConnectionDeps): Promise<ConnectionTestResult> {
  const url = input.serverUrl.replace(/\/+$/, '');
  const checks: ConnectionCheck[] = [];
  const ctx = { serverUrl: url };
  const fail = (message: string): ConnectionTestResult => ({ ok: false, message, checks });

  if (!/^https?:\/\/[^/\s]+/i.test(url)) {
    checks.push({ label: 'Server address', ok: false, detail: 'The address must start with http:// or https://.' });
    return fail('That is not a server address. It looks like http://server:5984.');
  }

  try {
    const res = await deps.fetch(`${url}/`, { headers: { Accept: 'application/json' } });
    const body = (await res.json().catch(() => ({}))) as { couchdb?: string; 'express-pouchdb'?: string; version?: string };
    // Apache CouchDB says {"couchdb":"Welcome"}; pouchdb-server says {"express-pouchdb":"Welcome!"}.
    if (!body.couchdb && !body['express-pouchdb']) {
      checks.push({ label: 'Server answers', ok: false, detail: `The address answered, but it is not a CouchDB sync server (HTTP ${res.status}).` });
      return fail('The address answered, but it is not an Outpost sync server. Check the address and port.');
    }
    checks.push({ label: 'Server answers', ok: true, detail: `CouchDB-compatible server${body.version ? ` ${body.version}` : ''}.` });
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

  const auth = basicAuth(input.username, input.password);
  try {
    const res = await deps.fetch(`${url}/_session`, { headers: { Accept: 'application/json', Authorization: auth } });
    const body = (await res.json().catch(() => ({}))) as { reason?: string; userCtx?: { name: string | null; roles: string[] } };
    // Locked out after too many wrong passwords: the password may be right, so say to wait.
    if (isLockout({ status: res.status, reason: body.reason })) {
      const p = describeSyncError({ status: res.status, reason: body.reason }, ctx);
      checks.push({ label: 'Username and password', ok: false, detail: p.message });
      return fail(p.message);
    }
    if (res.status === 401 || !body.userCtx?.name) {
      const p = describeSyncError({ status: 401 }, ctx);
      checks.push({ label: 'Username and password', ok: false, detail: p.message });
      return fail(p.message);
    }
    checks.push({ label: 'Username and password', ok: true, detail: `Signed in as ${body.userCtx.name}.` });
  } catch (e) {
    const p = describeSyncError(e, ctx);
    checks.push({ label: 'Username and password', ok: false, detail: p.message });
    return fail(p.message);
  }

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

  return { ok: true, message: 'Connected: the server accepts this user and holds the company data.', checks };
}

export async function reachableWithoutCors(url: string, f: typeof fetch, timeoutMs = 20_000): Promise<boolean> {
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
  const res = await f(`${serverUrl.replace(/\/+$/, '')}/_session`, {
    headers: { Accept: 'application/json', Authorization: basicAuth(creds.username, creds.password) },
  });
  if (!res.ok) return null;
  const body = (await res.json().catch(() => ({}))) as { userCtx?: { name: string | null; roles?: string[] } };
  return body.userCtx?.name ? { name: body.userCtx.name, roles: body.userCtx.roles ?? [] } : null;
}
