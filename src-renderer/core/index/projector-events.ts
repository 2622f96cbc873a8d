import type { IndexStatus } from '../rpc/contract';
import type { IndexDb } from './index-db';

/** What the projector tells the app (projector.ts), and how a test sizes its batches. */
export interface ProjectorEvents {
  /** `conflicts`: a changed document has (or had) more than one leaf, so the conflict list may have moved. */
  changed(db: string, types: string[], conflicts: boolean): void;
  status(status: IndexStatus): void;
  /** Rebuild progress. */
  progress(done: number, total: number, finished: boolean): void;
  /**
   * A catch-up longer than one batch (an import, a large pull): how far it is, so the clerk
   * sees why a report is still waiting.
   */
  catchUpProgress?(done: number, total: number, finished: boolean): void;
  /**
   * Documents of this database with a posted leaf and another live leaf beside it: someone
   * forged a change of a fact. Told after the index shows the posted version.
   */
  forged?(db: string, ids: string[]): void;
}

export interface BatchOutcome {
  types: Set<string>;
  forged: string[];
  conflicts: boolean;
}

export interface ProjectorOptions {
  /** Changes per index transaction (tests use small batches to cover several). */
  batchSize?: number;
  /** The most catalog rows a bulk catch-up may leave for later (tests use a few). */
  catalogLagRows?: number;
}

/** Each source's checkpoint and catalog rows, whether a rebuild runs and how far it is. */
export async function indexStatus(
  index: IndexDb,
  names: string[],
  rebuilding: boolean,
  progress: { done: number; total: number } | null,
): Promise<IndexStatus> {
  const cps = await index.checkpoints.toArray();
  const sources = await Promise.all(
    names.map(async (db) => ({
      db,
      seq: cps.find((c) => c.db === db)?.seq ?? 0,
      rows: await index.catalog.where('[db+updatedAt]').between([db, ''], [db, '\uffff']).count(),
    })),
  );
  const last = await index.meta.get('lastRebuiltAt');
  return {
    rebuilding,
    progress,
    lastRebuiltAt: typeof last?.value === 'string' ? last.value : null,
    sources,
  };
}
