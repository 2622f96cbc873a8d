import { monotonicFactory } from 'ulid';

/**
 * Document ids are `<type>:<ulid>` (DESIGN §3): sortable by creation time, collision-free
 * across offline devices, and grouped by type so `allDocs` with a key range lists one type.
 * The monotonic factory keeps ids strictly increasing within one millisecond on this device.
 */
const nextUlid = monotonicFactory();

export function newId(type: string): string {
  if (!/^[a-zA-Z][a-zA-Z0-9-]*$/.test(type)) throw new Error(`Invalid document type "${type}"`);
  return `${type}:${nextUlid()}`;
}

export function typeOfId(id: string): string | null {
  const i = id.indexOf(':');
  return i > 0 ? id.slice(0, i) : null;
}

/** allDocs key range that lists every document of one type. */
export function idRange(type: string): { startkey: string; endkey: string } {
  return { startkey: `${type}:`, endkey: `${type}:\uffff` };
}
