import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import type { PouchEnv } from './pouch';

// Plugins patch the shared prototype, so they are applied once per process.
const NodePouch = PouchDB.plugin(memory).plugin(http).plugin(replication);

/** PouchDB for Node (tests, benchmarks): in-memory local databases, http to the server. */
export function nodePouchEnv(prefix = ''): PouchEnv {
  return { PouchDB: NodePouch, localAdapter: 'memory', prefix };
}
