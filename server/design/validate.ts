/**
 * The `validate_doc_update` function of every Outpost database, as JavaScript source text.
 *
 * The same text is stored in `_design/outpost` on pouchdb-server (where our own middleware
 * evaluates it, see ../guard-write.ts) and on Apache CouchDB 3.x (where CouchDB's
 * JavaScript engine runs it). So the function body is deliberately plain ES5: no arrow
 * functions, no `let`/`const`, no template strings, and nothing captured from this module —
 * the per-database facts (kind, branch code) are written into the text as literals.
 */

import { appKinds, docRules, type DocRule } from './doc-rules';
import {
  parseDatabaseName,
  writerRoles,
  type DatabaseKind,
} from '../../src-renderer/core/db/kinds';

let cachedRules: Record<string, DocRule> | null = null;
function defaultRules(): Record<string, DocRule> {
  cachedRules ??= docRules();
  return cachedRules;
}

/** A declared database kind's name: 'master', 'branch', or one a module declares ('payroll', 'files'). */
export type ValidatedDbKind = string;

export interface ValidateOptions {
  kind: ValidatedDbKind;
  /** Branch code (uppercase) of a branch or files database. */
  branch?: string;
}

/** What the function body reads from its 4th argument and userCtx (CouchDB's shapes). */
export interface UserCtx {
  db?: string;
  name: string | null;
  roles: string[];
}
export interface SecurityObject {
  admins?: { names?: string[]; roles?: string[] };
  members?: { names?: string[]; roles?: string[] };
}
export type ValidateFn = (
  newDoc: Record<string, unknown>,
  oldDoc: Record<string, unknown> | null,
  userCtx: UserCtx,
  secObj: SecurityObject,
) => void;

export const COMPANY_WIDE_BRANCH = '*';

// The body. KIND and BRANCH are substituted as JSON literals by validateDocUpdateSource().
const BODY = `function (newDoc, oldDoc, userCtx, secObj) {
  var KIND = __KIND__;
  var BRANCH = __BRANCH__;
  var RULES = __RULES__;
  var DOC_BRANCH = __DOC_BRANCH__;
  var WRITERS = __WRITERS__;
  var MEMBER_MAY_CREATE = __MEMBER_MAY_CREATE__;
  var WHO_MAY_WRITE = __WHO_MAY_WRITE__;
  var roles = (userCtx && userCtx.roles) || [];
  function hasRole(role) { return roles.indexOf(role) !== -1; }
  function refuse(reason) { throw({ forbidden: reason }); }

  // Server administrators (and CouchDB's own replication as admin) may always write.
  if (hasRole('_admin')) { return; }
  if (!userCtx || !userCtx.name) {
    throw({ unauthorized: 'Please sign in before saving changes.' });
  }

  // Posted documents are facts: they are corrected by new entries, never edited or deleted.
  if (newDoc._deleted && (newDoc.status === 'posted' || (oldDoc && oldDoc.status === 'posted'))) {
    refuse('A posted document cannot be deleted; post a correcting entry instead.');
  }
  if (oldDoc && oldDoc.status === 'posted') {
    refuse('This document is posted and cannot be changed; post a correcting entry instead.');
  }

  // A deletion (DELETE or db.remove) carries only _id/_rev/_deleted, so the shape rules
  // apply to live documents only; who may write is still checked below.
  var type = newDoc.type || (oldDoc && oldDoc.type) || 'unknown';
  if (!newDoc._deleted) {
    var v = newDoc.v;
    if (typeof newDoc.type !== 'string' || newDoc.type.length === 0 ||
        typeof v !== 'number' || v < 1 || Math.floor(v) !== v) {
      refuse('Every document needs a type and a schema version (v).');
    }
    if (DOC_BRANCH === 'company' && newDoc.branch !== '*') {
      refuse('Company master data (' + type + ') must have branch "*", not "' + newDoc.branch + '".');
    }
    if (DOC_BRANCH === 'own' && newDoc.branch !== BRANCH) {
      refuse('This ' + type + ' belongs to branch "' + newDoc.branch + '" and cannot be saved in the database of branch ' + BRANCH + '.');
    }
    if (DOC_BRANCH === 'member' && (typeof newDoc.branch !== 'string' || !/^[A-Z][A-Z0-9]{1,5}$/.test(newDoc.branch))) {
      refuse('This ' + type + ' must name the branch it belongs to (branch "' + newDoc.branch + '" is not a branch code).');
    }
    // Known types: right database, and every required field of the versions this server knows.
    // Types and versions it does not know pass, so a newer app can sync through an older server.
    var rule = RULES.hasOwnProperty(type) ? RULES[type] : null;
    if (rule) {
      if (rule.home !== KIND) {
        if (rule.home === 'master') { refuse('A ' + type + ' is company master data and belongs in the master database.'); }
        refuse('A ' + type + ' belongs in a ' + rule.home + ' database.');
      }
      if (newDoc.v <= rule.version) {
        // A newer version may change these rules; the app reads such a document read-only.
        if (rule.fact && newDoc.status !== 'posted') {
          refuse('A ' + type + ' is recorded once and never edited: save it with status "posted".');
        }
        if (rule.sameAsBranch) {
          for (var s = 0; s < rule.sameAsBranch.length; s++) {
            var same = rule.sameAsBranch[s];
            if (newDoc[same] !== newDoc.branch) {
              refuse('This ' + type + ' is for branch "' + newDoc[same] + '" (' + same + '), so it must be recorded as branch "' + newDoc[same] + '", not "' + newDoc.branch + '".');
            }
          }
        }
        for (var i = 0; i < rule.required.length; i++) {
          var field = rule.required[i];
          if (!newDoc.hasOwnProperty(field) || newDoc[field] === undefined) {
            refuse('This ' + type + ' is missing "' + field + '", which every ' + type + ' must have.');
          }
        }
      }
    }
  }

  for (var w = 0; w < WRITERS.length; w++) {
    if (hasRole(WRITERS[w])) { return; }
  }
  // Any member may create some types (a device registering itself when it joins), but not change them.
  if (!oldDoc && !newDoc._deleted && MEMBER_MAY_CREATE.indexOf(newDoc.type) !== -1) { return; }
  // Each document is written by the branch it belongs to: the branch it has, and the branch it
  // had (nobody moves another branch's record into their own part, or deletes it).
  if (DOC_BRANCH === 'member') {
    var parts = [];
    if (!newDoc._deleted) { parts.push(newDoc.branch); }
    if (oldDoc) { parts.push(oldDoc.branch); }
    if (parts.length === 0) { refuse(WHO_MAY_WRITE + ' (' + type + ').'); }
    for (var p = 0; p < parts.length; p++) {
      if (!hasRole('branch:' + parts[p])) {
        refuse('Only members of branch ' + parts[p] + ' may record this ' + type + '; you are not assigned to branch ' + parts[p] + '.');
      }
    }
    return;
  }
  if (DOC_BRANCH === 'own') {
    refuse('You are not assigned to branch ' + BRANCH + ', so you cannot change its records (' + type + ').');
  }
  refuse(WHO_MAY_WRITE + ' (' + type + ').');
}`;

/** Source text of validate_doc_update for one database. */
export function validateDocUpdateSource(
  opts: ValidateOptions,
  rules: Record<string, DocRule> = defaultRules(),
  kinds: readonly DatabaseKind[] = defaultKinds(),
): string {
  const kind = kinds.find((k) => k.kind === opts.kind);
  if (!kind) throw new Error(`There is no database kind "${opts.kind}".`);
  const needsBranch = kind.scope === 'branch';
  if (needsBranch && !opts.branch) throw new Error(`A ${opts.kind} database needs a branch code.`);
  const branch = needsBranch ? opts.branch!.toUpperCase() : COMPANY_WIDE_BRANCH;
  // Administrators are writers of every kind; the branch's own role is one for per-branch kinds.
  const writers = writerRoles(kind, needsBranch ? branch : null);
  return BODY.replace('__KIND__', JSON.stringify(opts.kind))
    .replace('__BRANCH__', JSON.stringify(branch))
    .replace('__RULES__', JSON.stringify(rules))
    .replace('__DOC_BRANCH__', JSON.stringify(kind.docBranch))
    .replace('__WRITERS__', JSON.stringify(writers))
    .replace('__MEMBER_MAY_CREATE__', JSON.stringify(kind.memberMayCreate ?? []))
    .replace('__WHO_MAY_WRITE__', JSON.stringify(kind.whoMayWrite));
}

let cachedKinds: DatabaseKind[] | null = null;
function defaultKinds(): DatabaseKind[] {
  cachedKinds ??= appKinds();
  return cachedKinds;
}

/** The validate options of a database by its local name ('branch-nyc' → branch NYC), or null. */
export function validateOptionsOf(
  localName: string,
  kinds: readonly DatabaseKind[] = defaultKinds(),
): ValidateOptions | null {
  const parsed = parseDatabaseName(kinds, localName);
  if (!parsed) return null;
  return parsed.branch
    ? { kind: parsed.kind.kind, branch: parsed.branch }
    : { kind: parsed.kind.kind };
}

/**
 * Turns stored validate_doc_update source into a callable function, the way CouchDB does:
 * the text is a function expression evaluated on its own, with no access to our modules.
 */
export function compileValidateFunction(source: string): ValidateFn {
  const fn: unknown = new Function(`"use strict"; return (${source});`)();
  if (typeof fn !== 'function') throw new Error('validate_doc_update is not a function');
  return fn as ValidateFn;
}

/** Outcome of running one validate function on one document. */
export type VduOutcome =
  { ok: true } | { ok: false; error: 'forbidden' | 'unauthorized'; reason: string };

/** Runs a compiled function and maps `throw({forbidden})` / `throw({unauthorized})` like CouchDB. */
export function runValidate(
  fn: ValidateFn,
  newDoc: Record<string, unknown>,
  oldDoc: Record<string, unknown> | null,
  userCtx: UserCtx,
  secObj: SecurityObject,
): VduOutcome {
  try {
    fn(newDoc, oldDoc, userCtx, secObj);
    return { ok: true };
  } catch (e) {
    const thrown = e as { forbidden?: unknown; unauthorized?: unknown } | null;
    if (thrown && typeof thrown === 'object' && 'unauthorized' in thrown) {
      return { ok: false, error: 'unauthorized', reason: String(thrown.unauthorized) };
    }
    if (thrown && typeof thrown === 'object' && 'forbidden' in thrown) {
      return { ok: false, error: 'forbidden', reason: String(thrown.forbidden) };
    }
    // A bug in a validate function must not let documents through: fail closed.
    return {
      ok: false,
      error: 'forbidden',
      reason: `The server could not check this document (${String(e)}).`,
    };
  }
}
