import PouchDB from 'pouchdb-core';
import idb from 'pouchdb-adapter-indexeddb';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import type { PouchEnv } from './pouch';

// Plugins patch the shared prototype, so they are applied once per realm.
const BrowserPouch = PouchDB.plugin(idb).plugin(http).plugin(replication);

/** PouchDB as the worker runs it: the indexeddb adapter (native IndexedDB, not leveldown). */
export function browserPouchEnv(): PouchEnv {
  return { PouchDB: BrowserPouch, localAdapter: 'indexeddb' };
}
