/**
 * The machine's raw IndexedDB put speed: the ceiling every local write path is compared with.
 * Plain object stores, one transaction per batch, nothing else.
 */
export async function rawIndexedDbPut(docs: object[], batchSize = 500): Promise<number> {
  const name = `bench-raw-${Date.now()}`;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('docs', { keyPath: '_id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const started = performance.now();
  for (let i = 0; i < docs.length; i += batchSize) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('docs', 'readwrite');
      const store = tx.objectStore('docs');
      for (const doc of docs.slice(i, i + batchSize)) store.put(doc);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
  return docs.length / seconds;
}
