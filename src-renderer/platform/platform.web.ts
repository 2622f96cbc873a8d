import type { BackupPlatform, CredentialVault, FilePlatform, Platform } from './index';

/**
 * Web mode (a shared-service centre using Outpost in Chromium). Secrets are encrypted with an
 * AES-GCM key that is generated non-extractable and kept in IndexedDB: script on the page can
 * use it but cannot read it out, and the stored ciphertext is useless without it. Never
 * localStorage, never plain text.
 */
const VAULT_DB = 'outpost-vault';

function openVault(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(VAULT_DB, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('keys');
      req.result.createObjectStore('secrets');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function tx<T>(
  db: IDBDatabase,
  store: string,
  mode: IDBTransactionMode,
  fn: (s: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = db.transaction(store, mode);
    const req = fn(t.objectStore(store));
    t.oncomplete = () => resolve(req.result);
    t.onerror = () => reject(t.error);
  });
}

async function vaultKey(db: IDBDatabase): Promise<CryptoKey> {
  const existing = await tx<CryptoKey | undefined>(db, 'keys', 'readonly', (s) => s.get('main'));
  if (existing) return existing;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  await tx(db, 'keys', 'readwrite', (s) => s.put(key, 'main'));
  return key;
}

export function createWebVault(): CredentialVault {
  return {
    encrypted: true,
    async save(account, secret) {
      const db = await openVault();
      const key = await vaultKey(db);
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv },
        key,
        new TextEncoder().encode(secret),
      );
      await tx(db, 'secrets', 'readwrite', (s) => s.put({ iv, data }, account));
      db.close();
    },
    async load(account) {
      const db = await openVault();
      const rec = await tx<{ iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer } | undefined>(
        db,
        'secrets',
        'readonly',
        (s) => s.get(account),
      );
      if (!rec) {
        db.close();
        return null;
      }
      const key = await vaultKey(db);
      db.close();
      try {
        const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: rec.iv }, key, rec.data);
        return new TextDecoder().decode(plain);
      } catch {
        return null;
      }
    },
    async remove(account) {
      const db = await openVault();
      await tx(db, 'secrets', 'readwrite', (s) => s.delete(account));
      db.close();
    },
  };
}

function createWebFiles(): FilePlatform {
  return {
    async saveFile(request) {
      const blob = new Blob([request.data as BlobPart]);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = request.suggestedName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return true;
    },
    async printToPdf() {
      window.print();
      return true;
    },
    openFile(accept) {
      return new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = accept.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
        input.onchange = async () => {
          const file = input.files?.[0];
          resolve(
            file ? { name: file.name, data: new Uint8Array(await file.arrayBuffer()) } : null,
          );
        };
        input.oncancel = () => resolve(null);
        input.click();
      });
    },
  };
}

function createWebBackups(files: FilePlatform): BackupPlatform {
  return {
    // A Blob is downloaded as it is: no copy of a large backup into one array.
    save: (file, suggestedName) =>
      files.saveFile({ suggestedName, data: file as unknown as Uint8Array }),
    open: () =>
      new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = '.outpost-backup';
        input.onchange = () => {
          const file = input.files?.[0];
          resolve(file ? { name: file.name, file } : null);
        };
        input.oncancel = () => resolve(null);
        input.click();
      }),
    folder: null,
  };
}

export function createWebPlatform(version: string): Platform {
  const files = createWebFiles();
  return {
    kind: 'web',
    version,
    vault: createWebVault(),
    files,
    backups: createWebBackups(files),
    updates: null,
    onMenuCommand: () => () => undefined,
  };
}
