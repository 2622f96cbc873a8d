import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import type { AppUpdater } from 'electron-updater';
import { createUpdater, DEV_MESSAGE, type UpdaterDeps } from './updater';
import type { UpdateStatus } from './preload-api';

class FakeAutoUpdater extends EventEmitter {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  setFeedURL = vi.fn();
  downloadUpdate = vi.fn(() => Promise.resolve([]));
  quitAndInstall = vi.fn();
  nextVersion: string | null = '0.2.0';
  checkForUpdates = vi.fn(async () => {
    this.emit('checking-for-update');
    if (this.nextVersion) {
      this.emit('update-available', { version: this.nextVersion });
      return { isUpdateAvailable: true, updateInfo: { version: this.nextVersion } };
    }
    this.emit('update-not-available', { version: '0.1.0' });
    return { isUpdateAvailable: false, updateInfo: { version: '0.1.0' } };
  });
}

function setup(
  options: {
    packaged?: boolean;
    answers?: number[];
    feed?: string;
    log?: (m: string) => void;
  } = {},
) {
  const auto = new FakeAutoUpdater();
  const sent: UpdateStatus[] = [];
  const answers = [...(options.answers ?? [])];
  const showMessageBox = vi.fn(async () => ({ response: answers.shift() ?? 1 }));
  const loadAutoUpdater = vi.fn(() => auto as unknown as AppUpdater);
  const deps: UpdaterDeps = {
    loadAutoUpdater,
    isPackaged: options.packaged ?? true,
    feedUrlOverride: options.feed,
    log: options.log ?? (() => {}),
    showMessageBox,
    getWindow: () => null,
    sendStatus: (s) => sent.push(s),
  };
  return { auto, sent, showMessageBox, loadAutoUpdater, updater: createUpdater(deps) };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('updater', () => {
  it('does nothing in development', async () => {
    const { auto, updater, loadAutoUpdater } = setup({ packaged: false });
    expect(await updater.check()).toEqual({ state: 'error', message: DEV_MESSAGE });
    expect(loadAutoUpdater).not.toHaveBeenCalled();
    expect(auto.checkForUpdates).not.toHaveBeenCalled();
    expect(auto.autoDownload).toBe(true);
  });

  it('never downloads or installs on its own', () => {
    const { auto } = setup();
    expect(auto.autoDownload).toBe(false);
    expect(auto.autoInstallOnAppQuit).toBe(false);
  });

  it('lets OUTPOST_UPDATE_URL override the feed', () => {
    const { auto } = setup({ feed: 'https://mirror.branch.local/outpost/' });
    expect(auto.setFeedURL).toHaveBeenCalledWith({
      provider: 'generic',
      url: 'https://mirror.branch.local/outpost/',
    });
  });

  it.each([
    ['plain http', 'http://mirror.branch.local/outpost/', /not secure \(http:\/\/\)/],
    ['a local file', 'file:///tmp/outpost/', /must start with https:\/\//],
    [
      'a password in the address',
      'https://clerk:s3cret@mirror.branch.local/',
      /user name or password/,
    ],
  ])('refuses %s as the feed of the installed app and never checks', async (_, feed, why) => {
    const log = vi.fn();
    const { auto, sent, showMessageBox, updater } = setup({ feed, log });
    expect(auto.setFeedURL).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(why));
    const status = await updater.check({ interactive: true });
    expect(status).toEqual({ state: 'error', message: expect.stringMatching(why) });
    expect(auto.checkForUpdates).not.toHaveBeenCalled();
    expect(sent.at(-1)).toEqual(status);
    expect(showMessageBox).toHaveBeenCalledWith(
      null,
      expect.objectContaining({ title: 'Updates switched off' }),
    );
    expect(JSON.stringify(status)).not.toContain('s3cret');
  });

  it('asks before downloading and does not download when the user declines', async () => {
    const { auto, sent, showMessageBox, updater } = setup({ answers: [1] });
    expect(await updater.check()).toEqual({ state: 'available', version: '0.2.0' });
    await flush();
    expect(showMessageBox).toHaveBeenCalledOnce();
    expect(auto.downloadUpdate).not.toHaveBeenCalled();
    expect(sent).toEqual([{ state: 'checking' }, { state: 'available', version: '0.2.0' }]);
  });

  it('downloads on consent, forwards progress, and asks again before restarting', async () => {
    const { auto, sent, showMessageBox, updater } = setup({ answers: [0, 0] });
    await updater.check();
    await flush();
    expect(auto.downloadUpdate).toHaveBeenCalledOnce();
    auto.emit('download-progress', { percent: 41.6 });
    auto.emit('update-downloaded', { version: '0.2.0' });
    await flush();
    expect(sent).toContainEqual({ state: 'downloading', percent: 42 });
    expect(sent.at(-1)).toEqual({ state: 'downloaded', version: '0.2.0' });
    expect(showMessageBox).toHaveBeenCalledTimes(2);
    expect(auto.quitAndInstall).toHaveBeenCalledOnce();
  });

  it('does not restart when the user says later', async () => {
    const { auto, updater } = setup({ answers: [0, 1] });
    await updater.check();
    await flush();
    auto.emit('update-downloaded', { version: '0.2.0' });
    await flush();
    expect(auto.quitAndInstall).not.toHaveBeenCalled();
    expect(updater.status()).toEqual({ state: 'downloaded', version: '0.2.0' });
  });

  it('reports "not available" and tells the user only when they asked', async () => {
    const { auto, showMessageBox, updater } = setup();
    auto.nextVersion = null;
    expect(await updater.check()).toEqual({ state: 'not-available' });
    expect(showMessageBox).not.toHaveBeenCalled();
    await updater.check({ interactive: true });
    expect(showMessageBox).toHaveBeenCalledOnce();
  });

  it('turns failures (offline) into an error status', async () => {
    const { auto, sent, updater } = setup();
    auto.checkForUpdates.mockRejectedValueOnce(
      new Error('net::ERR_INTERNET_DISCONNECTED\n<html>…</html>'),
    );
    expect(await updater.check()).toEqual({
      state: 'error',
      message: 'net::ERR_INTERNET_DISCONNECTED',
    });
    expect(sent.at(-1)).toEqual({ state: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' });
  });

  it('shares one check between concurrent callers', async () => {
    const { auto, updater } = setup({ answers: [1] });
    const [a, b] = await Promise.all([updater.check(), updater.check()]);
    expect(a).toEqual(b);
    expect(auto.checkForUpdates).toHaveBeenCalledOnce();
  });
});
