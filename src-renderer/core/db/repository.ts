import type { DocBase } from '../org/schemas';
import { OutpostError } from '../errors';
import { idRange, newId } from '../ids';
import type { Db } from './pouch';
import { readAsSeen } from './posted-leaf';
import type { DocTypeDef, SchemaRegistry } from './schema-registry';
import { validationError } from './validation';
import type { LocalWrites } from './local-writes';
import { savedOf } from './local-writes';
import { assertBalanced } from '../postings/balance';

/** Who is writing, stamped on every document (DESIGN §3 audit fields). */
export interface WriteContext {
  userName: string;
  deviceId: string;
  now(): Date;
  /** The company's base currency: what postings must balance in. */
  baseCurrency: string;
}

type Fields<T> = Omit<T, keyof DocBase>;

/**
 * The only way documents of one type are written: validated by the type's zod schema before
 * anything touches the database, audit fields stamped, posted facts and documents from a
 * newer version refused.
 */
export class Repository<T extends DocBase> {
  readonly def: DocTypeDef<T>;

  constructor(
    private readonly db: Db,
    private readonly dbName: string,
    private readonly registry: SchemaRegistry,
    type: string,
    private readonly ctx: () => WriteContext,
    private readonly writes: LocalWrites,
  ) {
    this.def = registry.require<T>(type);
  }

  /** The type in a clerk's words, for messages ('journal entry', not 'journalEntry'). */
  private get words(): string {
    return this.registry.words(this.def.type);
  }

  /** The database this repository writes to (a branch's, master…). */
  get database(): string {
    return this.dbName;
  }

  /** The postings service's rule: a document whose ledger lines do not balance is never written. */
  private checkPostings(doc: T): void {
    const lines = this.def.postings?.(doc);
    if (!lines?.length) return;
    // The ledger files each line by the document's date (its month's balance): a posting with
    // no date would land in no period and no report.
    const date = (doc as { date?: unknown }).date;
    if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw new OutpostError(
        'validation',
        `This ${this.words} posts to the ledger, so it needs a date. Nothing was saved.`,
      );
    }
    assertBalanced(this.words, lines, this.ctx().baseCurrency);
  }

  private put(doc: T | Record<string, unknown>): Promise<PouchDB.Core.Response> {
    return this.writes.run(
      this.dbName,
      () => this.db.put(doc),
      (res) => [{ id: res.id, rev: res.rev, type: this.def.type }],
    );
  }

  /** Builds and validates a new document without saving it (for batched writes). */
  build(fields: Fields<T>, branch: string, id?: string): T {
    const c = this.ctx();
    const draft = {
      ...fields,
      _id: id ?? newId(this.def.type),
      type: this.def.type,
      v: this.def.version,
      branch,
      createdAt: c.now().toISOString(),
      createdBy: c.userName,
      device: c.deviceId,
    };
    const parsed = this.def.schema.safeParse(draft);
    if (!parsed.success) throw validationError(parsed.error);
    this.checkPostings(parsed.data);
    return parsed.data;
  }

  async create(fields: Fields<T>, branch: string): Promise<T> {
    const doc = this.build(fields, branch);
    const res = await this.put(doc);
    return { ...doc, _rev: res.rev };
  }

  /** Saves several new documents of this type in one bulkDocs; nothing is written if any is invalid. */
  async createMany(docs: T[]): Promise<T[]> {
    for (const d of docs) this.checkPostings(d);
    const results = await this.writes.run(
      this.dbName,
      () => this.db.bulkDocs(docs),
      (r) => savedOf(docs, r as { id?: string; rev?: string; error?: unknown }[]),
    );
    const out: T[] = [];
    results.forEach((r, i) => {
      if (!('error' in r && r.error) && 'rev' in r && r.rev) out.push({ ...docs[i]!, _rev: r.rev });
    });
    if (out.length !== docs.length) {
      throw new OutpostError('internal', 'Some documents could not be saved. Try again.');
    }
    return out;
  }

  async get(id: string): Promise<T> {
    const raw = await this.getRaw(id);
    const decoded = this.registry.decode<T>(raw);
    if (decoded.kind !== 'current') return decoded.doc as unknown as T;
    return decoded.doc;
  }

  async update(id: string, patch: Partial<Fields<T>>): Promise<T> {
    const raw = await this.getRaw(id);
    const decoded = this.registry.decode<T>(raw);
    if (decoded.readOnly) {
      throw new OutpostError(
        'read-only',
        'This record was saved by a newer version of Outpost. It is shown read-only here; update Outpost to change it.',
      );
    }
    if ((raw as { status?: string }).status === 'posted') {
      throw new OutpostError(
        'read-only',
        'This record is posted and cannot be changed. Post a correction instead.',
      );
    }
    const c = this.ctx();
    const next = {
      ...decoded.doc,
      ...patch,
      _id: id,
      _rev: raw._rev,
      updatedAt: c.now().toISOString(),
      updatedBy: c.userName,
      updatedOn: c.deviceId,
    };
    const parsed = this.def.schema.safeParse(next);
    if (!parsed.success) throw validationError(parsed.error);
    this.checkPostings(parsed.data);
    try {
      const res = await this.put(parsed.data);
      return { ...parsed.data, _rev: res.rev };
    } catch (e) {
      if ((e as { status?: number }).status === 409) {
        throw new OutpostError(
          'conflict',
          'Someone changed this record while you were editing it. Reload it and make your change again.',
        );
      }
      throw e;
    }
  }

  /**
   * Discards a draft: the document becomes a tombstone that still says who discarded it, when
   * and on which device, and the deletion syncs like any change. Posted facts are refused
   * (they are corrected by new entries, DESIGN §3), as are documents from a newer version.
   */
  async discard(id: string): Promise<void> {
    const raw = await this.getRaw(id);
    if (this.registry.decode<T>(raw).readOnly) {
      throw new OutpostError(
        'read-only',
        'This record was saved by a newer version of Outpost. Update Outpost to discard it.',
      );
    }
    if ((raw as { status?: string }).status === 'posted') {
      throw new OutpostError(
        'read-only',
        'This record is posted and cannot be discarded. Post a correction instead.',
      );
    }
    const c = this.ctx();
    const tombstone = {
      _id: id,
      _rev: raw._rev,
      _deleted: true,
      type: this.def.type,
      discardedAt: c.now().toISOString(),
      discardedBy: c.userName,
      device: c.deviceId,
    };
    try {
      await this.put(tombstone);
    } catch (e) {
      if ((e as { status?: number }).status === 409) {
        throw new OutpostError(
          'conflict',
          'Someone changed this draft while you were looking at it. Reload it and try again.',
        );
      }
      throw e;
    }
  }

  /** Every current document of this type, in id (= creation) order. Newer-version ones included read-only. */
  async list(): Promise<T[]> {
    const res = await this.db.allDocs({ ...idRange(this.def.type), include_docs: true });
    const out: T[] = [];
    for (const row of res.rows) {
      if (!row.doc) continue;
      const d = this.registry.decode<T>(row.doc as unknown as Record<string, unknown>);
      if (d.kind === 'current') out.push(d.doc);
      else if (d.kind === 'newer') out.push(d.doc as unknown as T);
    }
    return out;
  }

  /**
   * The document as every device sees it: a posted leaf wins over CouchDB's winner (DESIGN §10),
   * so a forged draft beside a posted fact is neither shown nor editable here.
   */
  private async getRaw(id: string): Promise<Record<string, unknown> & { _rev: string }> {
    const seen = await readAsSeen(this.db, id);
    if (!seen)
      throw new OutpostError('not-found', `That ${this.words} no longer exists on this device.`);
    return seen.doc;
  }
}
