import type { SyncProblem } from '../rpc/contract';
import { isLockout, LOCKED_MESSAGE } from './lockout';

/**
 * Turns whatever PouchDB, fetch or the server threw into one sentence a clerk can act on
 * (issue 2 §7). The wording says what happened and what to do; nothing technical leads.
 */
export interface ErrorContext {
  serverUrl: string;
  remoteName?: string;
}

interface ErrLike {
  status?: number;
  name?: string;
  error?: string | boolean;
  reason?: string;
  message?: string;
}

export function describeSyncError(err: unknown, ctx: ErrorContext): SyncProblem {
  const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as ErrLike;
  const status = typeof e.status === 'number' ? e.status : 0;
  const name = String(e.name ?? e.error ?? '').toLowerCase();
  const where = ctx.remoteName ? ` (${ctx.remoteName})` : '';

  if (status === 401 || name === 'unauthorized') {
    return {
      kind: 'auth',
      message:
        'The sync server did not accept the username or password. Check them on the Sync page, or ask your administrator to reset your password.',
    };
  }
  // Before the plain 403: CouchDB answers a locked-out user with 403 as well.
  if (isLockout(e)) return { kind: 'locked', message: LOCKED_MESSAGE };
  if (status === 403 || name === 'forbidden') {
    return {
      kind: 'denied',
      message: `The sync server refused access${where}: your user is not allowed to use this data. Ask your administrator to give your user access to this branch.`,
    };
  }
  if (status === 404 || name === 'not_found') {
    return {
      kind: 'not-found',
      message: `The sync server has no database${where} for this company. Ask your administrator to set the company up on the server (npm run server:provision).`,
    };
  }
  // A cluster answers 412 on `_changes` while one of its nodes goes away: the server is there.
  if (status === 412) {
    return {
      kind: 'server',
      message:
        'The sync server is busy: one of its machines is unavailable. Your work is safe on this computer; Outpost will try again in a moment.',
    };
  }
  if (status >= 500) {
    return {
      kind: 'server',
      message: `The sync server had a problem (error ${status}). Your work is safe on this computer; Outpost will try again. If this lasts, tell your administrator.`,
    };
  }
  return {
    kind: 'network',
    message: `Cannot reach the sync server at ${ctx.serverUrl}. Your work is safe on this computer and will sync when the server can be reached; check the network or the server address.`,
  };
}

export const CORS_PROBLEM = (origin: string): SyncProblem => ({
  kind: 'cors',
  message: `The sync server answered but does not allow this app (${origin}) to connect. Ask your administrator to add ${origin} to the server's allowed origins (CORS).`,
});
