import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { requestPath } from './guard-path';

const at = (url: string) => requestPath({ url } as IncomingMessage);

describe('how the guard reads an address', () => {
  it('accepts the checkpoint ids PouchDB replication writes, whatever their first character', () => {
    // generateReplicationId: base64 md5 with "+" turned into "_" and "=" padding, so about one
    // replication in 64 has a checkpoint starting with "_"; PouchDB encodes it whole.
    const id = '_kL3n.0aQ9xZp1c_TgHh2Q==';
    const path = at(`/acme-master/_local/${encodeURIComponent(id)}`);
    expect(path.odd).toBeNull();
    expect(path.seg).toEqual(['acme-master', '_local', id]);
  });

  it('refuses an encoded leading underscore where express routes on it', () => {
    expect(at('/acme-master/%5Flocal/_security').odd).not.toBeNull();
    expect(at('/%5Fusers/org.couchdb.user:eve').odd).not.toBeNull();
    expect(at('/acme-master/_local%2F_security').odd).not.toBeNull();
  });

  it('reads an encoded local id decoded, as express does, so the security document is still seen', () => {
    const path = at('/acme-master/_local/%5Fsecurity');
    expect(path.seg).toEqual(['acme-master', '_local', '_security']);
  });
});
