/**
 * Sync credentials encrypted with the OS keychain via safeStorage (DESIGN §5). The file holds
 * only ciphertexts; when the OS offers no real encryption the vault refuses rather than
 * silently degrading to plain text.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './fs-atomic';

export interface VaultCrypto {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface VaultStorage {
  /** The stored JSON, or null when there is none yet. */
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
}

export class VaultUnavailableError extends Error {
  constructor() {
    super(
      'No OS credential store is available to encrypt secrets (on Linux, install and unlock a keyring such as GNOME Keyring or KWallet). Outpost will not store passwords in plain text.',
    );
    this.name = 'VaultUnavailableError';
  }
}

interface VaultFile {
  version: 1;
  /** account → base64 ciphertext from safeStorage.encryptString */
  entries: Record<string, string>;
}

export interface Vault {
  isAvailable(): boolean;
  set(account: string, secret: string): Promise<void>;
  get(account: string): Promise<string | null>;
  delete(account: string): Promise<void>;
}

export function createVault(crypto: VaultCrypto, storage: VaultStorage): Vault {
  // Serialises read-modify-write cycles so two quick `set` calls cannot lose one another.
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  function requireEncryption(): void {
    if (!crypto.isEncryptionAvailable()) throw new VaultUnavailableError();
  }

  async function load(): Promise<Map<string, string>> {
    const text = await storage.read();
    if (text === null) return new Map();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Refusing (instead of starting empty) keeps the damaged file for recovery.
      throw new Error(
        'The credential vault file is damaged (not valid JSON); it was left untouched.',
      );
    }
    if (!isVaultFile(parsed))
      throw new Error('The credential vault file has an unknown format; it was left untouched.');
    // A Map, not the object itself, so an account named "__proto__" is just a key.
    return new Map(Object.entries(parsed.entries));
  }

  async function save(entries: Map<string, string>): Promise<void> {
    const file: VaultFile = { version: 1, entries: Object.fromEntries(entries) };
    await storage.write(`${JSON.stringify(file, null, 2)}\n`);
  }

  return {
    isAvailable: () => crypto.isEncryptionAvailable(),
    set: (account, secret) =>
      serial(async () => {
        requireEncryption();
        const entries = await load();
        entries.set(account, crypto.encryptString(secret).toString('base64'));
        await save(entries);
      }),
    get: (account) =>
      serial(async () => {
        requireEncryption();
        const cipher = (await load()).get(account);
        if (cipher === undefined) return null;
        try {
          return crypto.decryptString(Buffer.from(cipher, 'base64'));
        } catch {
          throw new Error(
            `The saved secret for "${account}" cannot be decrypted (the OS keyring may have been reset); enter it again.`,
          );
        }
      }),
    delete: (account) =>
      serial(async () => {
        const entries = await load();
        if (!entries.delete(account)) return;
        await save(entries);
      }),
  };
}

function isVaultFile(value: unknown): value is VaultFile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { version?: unknown; entries?: unknown };
  if (
    v.version !== 1 ||
    typeof v.entries !== 'object' ||
    v.entries === null ||
    Array.isArray(v.entries)
  )
    return false;
  return Object.values(v.entries).every((c) => typeof c === 'string');
}

/** vault.json in a directory (userData in the app), written atomically and readable only by the user. */
export function fileVaultStorage(dir: string, fileName = 'vault.json'): VaultStorage {
  const path = join(dir, fileName);
  return {
    async read() {
      try {
        return await readFile(path, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    write: (text) => writeFileAtomic(path, text, 0o600),
  };
}

interface ElectronSafeStorage extends VaultCrypto {
  getSelectedStorageBackend?(): string;
}

/**
 * safeStorage as the vault's crypto. On Linux without a keyring Electron falls back to the
 * 'basic_text' backend — a hard-coded key, i.e. plain text in disguise — so that counts as
 * unavailable.
 */
export function safeStorageCrypto(
  safeStorage: ElectronSafeStorage,
  platform: NodeJS.Platform,
): VaultCrypto {
  return {
    isEncryptionAvailable() {
      if (!safeStorage.isEncryptionAvailable()) return false;
      if (platform === 'linux' && safeStorage.getSelectedStorageBackend) {
        const backend = safeStorage.getSelectedStorageBackend();
        if (backend === 'basic_text' || backend === 'unknown') return false;
      }
      return true;
    },
    encryptString: (plain) => safeStorage.encryptString(plain),
    decryptString: (encrypted) => safeStorage.decryptString(encrypted),
  };
}
