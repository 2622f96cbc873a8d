import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createVault,
  fileVaultStorage,
  safeStorageCrypto,
  VaultUnavailableError,
  type VaultCrypto,
  type VaultStorage,
} from './vault';

/** Reversible but not identity, so a test would notice plain text reaching the file. */
function fakeCrypto(available = true): VaultCrypto & { available: boolean } {
  return {
    available,
    isEncryptionAvailable() {
      return this.available;
    },
    encryptString: (plain) => Buffer.from(`enc:${[...plain].reverse().join('')}`),
    decryptString: (encrypted) => {
      const text = encrypted.toString();
      if (!text.startsWith('enc:')) throw new Error('bad ciphertext');
      return [...text.slice(4)].reverse().join('');
    },
  };
}

function memoryStorage(
  initial: string | null = null,
): VaultStorage & { text: string | null; writes: number } {
  return {
    text: initial,
    writes: 0,
    async read() {
      return this.text;
    },
    async write(text) {
      this.writes += 1;
      this.text = text;
    },
  };
}

describe('vault', () => {
  it('round-trips secrets and stores only base64 ciphertext', async () => {
    const storage = memoryStorage();
    const vault = createVault(fakeCrypto(), storage);
    await vault.set('sync:acme', 'correct horse');
    await vault.set('sync:other', 'battery staple');
    expect(await vault.get('sync:acme')).toBe('correct horse');
    expect(await vault.get('sync:other')).toBe('battery staple');
    expect(await vault.get('missing')).toBeNull();

    const file = JSON.parse(storage.text ?? '{}') as {
      version: number;
      entries: Record<string, string>;
    };
    expect(file.version).toBe(1);
    expect(storage.text).not.toContain('correct horse');
    expect(Buffer.from(file.entries['sync:acme'] ?? '', 'base64').toString()).toBe(
      'enc:esroh tcerroc',
    );
  });

  it('overwrites and deletes', async () => {
    const vault = createVault(fakeCrypto(), memoryStorage());
    await vault.set('a', '1');
    await vault.set('a', '2');
    expect(await vault.get('a')).toBe('2');
    await vault.delete('a');
    expect(await vault.get('a')).toBeNull();
    await vault.delete('never-there');
  });

  it('refuses to store or read when the OS offers no encryption, and writes nothing', async () => {
    const storage = memoryStorage();
    const vault = createVault(fakeCrypto(false), storage);
    expect(vault.isAvailable()).toBe(false);
    await expect(vault.set('a', 'secret')).rejects.toBeInstanceOf(VaultUnavailableError);
    await expect(vault.set('a', 'secret')).rejects.toThrow(
      /will not store passwords in plain text/,
    );
    await expect(vault.get('a')).rejects.toBeInstanceOf(VaultUnavailableError);
    expect(storage.writes).toBe(0);
    expect(storage.text).toBeNull();
  });

  it('does not lose concurrent writes', async () => {
    const vault = createVault(fakeCrypto(), memoryStorage());
    await Promise.all(Array.from({ length: 20 }, (_, i) => vault.set(`acct${i}`, `pw${i}`)));
    for (let i = 0; i < 20; i++) expect(await vault.get(`acct${i}`)).toBe(`pw${i}`);
  });

  it('treats "__proto__" as an ordinary account name', async () => {
    const vault = createVault(fakeCrypto(), memoryStorage());
    await vault.set('__proto__', 'x');
    expect(await vault.get('__proto__')).toBe('x');
    expect(await vault.get('toString')).toBeNull();
  });

  it('leaves a damaged file alone and says so', async () => {
    const storage = memoryStorage('{not json');
    const vault = createVault(fakeCrypto(), storage);
    await expect(vault.set('a', 'b')).rejects.toThrow(/damaged/);
    await expect(vault.get('a')).rejects.toThrow(/damaged/);
    expect(storage.text).toBe('{not json');
    await expect(
      createVault(fakeCrypto(), memoryStorage('{"version":2,"entries":{}}')).get('a'),
    ).rejects.toThrow(/unknown format/);
  });

  it('explains when a stored secret no longer decrypts', async () => {
    const storage = memoryStorage(
      JSON.stringify({ version: 1, entries: { a: Buffer.from('garbage').toString('base64') } }),
    );
    await expect(createVault(fakeCrypto(), storage).get('a')).rejects.toThrow(
      /cannot be decrypted/,
    );
  });
});

describe('fileVaultStorage', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'outpost-vault-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads null before the first write, then writes vault.json atomically and privately', async () => {
    const storage = fileVaultStorage(dir);
    expect(await storage.read()).toBeNull();
    const vault = createVault(fakeCrypto(), storage);
    await vault.set('sync:acme', 'pw');
    expect(await readdir(dir)).toEqual(['vault.json']);
    expect(await readFile(join(dir, 'vault.json'), 'utf8')).not.toContain('"pw"');
    if (process.platform !== 'win32')
      expect((await stat(join(dir, 'vault.json'))).mode & 0o777).toBe(0o600);
    expect(await createVault(fakeCrypto(), fileVaultStorage(dir)).get('sync:acme')).toBe('pw');
  });

  it('replaces an existing file without leaving temporaries', async () => {
    await writeFile(join(dir, 'vault.json'), JSON.stringify({ version: 1, entries: {} }));
    const vault = createVault(fakeCrypto(), fileVaultStorage(dir));
    await vault.set('a', '1');
    await vault.set('b', '2');
    expect(await readdir(dir)).toEqual(['vault.json']);
  });
});

describe('safeStorageCrypto', () => {
  const base = {
    isEncryptionAvailable: () => true,
    encryptString: (s: string) => Buffer.from(s),
    decryptString: (b: Buffer) => b.toString(),
  };

  it('treats Linux basic_text (a hard-coded key) as no encryption', () => {
    expect(
      safeStorageCrypto(
        { ...base, getSelectedStorageBackend: () => 'basic_text' },
        'linux',
      ).isEncryptionAvailable(),
    ).toBe(false);
    expect(
      safeStorageCrypto(
        { ...base, getSelectedStorageBackend: () => 'gnome_libsecret' },
        'linux',
      ).isEncryptionAvailable(),
    ).toBe(true);
    expect(safeStorageCrypto(base, 'win32').isEncryptionAvailable()).toBe(true);
    expect(
      safeStorageCrypto(
        { ...base, isEncryptionAvailable: () => false },
        'darwin',
      ).isEncryptionAvailable(),
    ).toBe(false);
  });
});
