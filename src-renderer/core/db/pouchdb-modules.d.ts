// The indexeddb adapter ships no types; it is a plugin like the others.
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}

// The revision-tree helpers PouchDB's own changes feed uses (pouchdb-core's processChange).
declare module 'pouchdb-merge' {
  type RevTree = unknown;
  interface Metadata {
    id: string;
    rev_tree: RevTree;
  }
  export function collectLeaves(tree: RevTree): { rev: string; opts: { deleted?: boolean } }[];
  export function collectConflicts(metadata: Metadata): string[];
  export function isDeleted(metadata: Metadata, rev?: string): boolean;
}
