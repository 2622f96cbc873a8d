/**
 * Self-update through electron-updater (DESIGN §1: ask before download and before restart).
 *
 * Feed: electron-builder writes the `publish` entry of electron-builder.yml (provider generic,
 * url from OUTPOST_UPDATE_URL at build time) into the packaged app-update.yml, which
 * electron-updater reads. Setting OUTPOST_UPDATE_URL in the environment of the *running* app
 * overrides that through setFeedURL, e.g. to point a branch at a LAN mirror; a packaged app
 * accepts only https there (update-feed.ts) and otherwise checks nothing and says why. The
 * installer's signature is checked by electron-updater itself on Windows (publisherName in
 * app-update.yml, from win.signtoolOptions in electron-builder.yml) and by Squirrel.Mac.
 *
 * Nothing happens in development (app.isPackaged false): there is no app-update.yml and
 * installing over a dev checkout makes no sense.
 */
import type { AppUpdater, ProgressInfo, UpdateInfo } from 'electron-updater';
import type { BrowserWindow, MessageBoxOptions } from 'electron';
import type { UpdateStatus } from './preload-api';
import { checkFeedUrl } from './update-feed';

export interface UpdaterDeps {
  /** Lazy: electron-updater builds its platform updater on first access and complains in dev. */
  loadAutoUpdater(): AppUpdater;
  isPackaged: boolean;
  /** Runtime override of the feed (OUTPOST_UPDATE_URL); https only when packaged. */
  feedUrlOverride?: string | undefined;
  /** Where a refused feed is reported; console.error by default. */
  log?: (message: string) => void;
  showMessageBox(
    window: BrowserWindow | null,
    options: MessageBoxOptions,
  ): Promise<{ response: number }>;
  getWindow(): BrowserWindow | null;
  /** Pushes a status to the renderer on updates:status. */
  sendStatus(status: UpdateStatus): void;
}

export interface Updater {
  /** `interactive`: the user asked (menu), so also tell them when there is nothing new. */
  check(options?: { interactive?: boolean }): Promise<UpdateStatus>;
  status(): UpdateStatus;
}

export const DEV_MESSAGE = 'Updates are only available in the installed app.';

function errorMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  // electron-updater errors can carry whole HTTP responses; the first line is the useful part.
  return text.split('\n')[0]?.slice(0, 300) || 'Update failed';
}

function showBox(deps: UpdaterDeps, options: MessageBoxOptions): Promise<{ response: number }> {
  return deps.showMessageBox(deps.getWindow(), options);
}

export function createUpdater(deps: UpdaterDeps): Updater {
  let current: UpdateStatus = { state: 'idle' };
  let inFlight: Promise<UpdateStatus> | null = null;
  let asking = false;
  /** Why the configured feed was refused; no check ever runs then. */
  let refused: string | null = null;

  const set = (status: UpdateStatus): void => {
    current = status;
    deps.sendStatus(status);
  };

  const autoUpdater: AppUpdater | null = deps.isPackaged ? deps.loadAutoUpdater() : null;

  if (autoUpdater) {
    // The user decides; never download over a metered branch link or restart mid-entry.
    autoUpdater.autoDownload = false;
    autoUpdater.autoInstallOnAppQuit = false;
    const override = deps.feedUrlOverride?.trim();
    if (override) {
      const feed = checkFeedUrl(override, { allowHttp: !deps.isPackaged });
      if (feed.ok) autoUpdater.setFeedURL({ provider: 'generic', url: feed.url });
      else {
        // Not a fallback to the built-in feed: the admin meant another one, so say so and stop.
        refused = feed.reason;
        current = { state: 'error', message: refused };
        (deps.log ?? console.error)(`Updates switched off: ${refused}`);
      }
    }

    autoUpdater.on('checking-for-update', () => set({ state: 'checking' }));
    autoUpdater.on('update-not-available', () => set({ state: 'not-available' }));
    autoUpdater.on('download-progress', (p: ProgressInfo) =>
      set({ state: 'downloading', percent: Math.max(0, Math.min(100, Math.round(p.percent))) }),
    );
    autoUpdater.on('error', (e: Error) => set({ state: 'error', message: errorMessage(e) }));
    autoUpdater.on('update-available', (info: UpdateInfo) => {
      set({ state: 'available', version: info.version });
      void askToDownload(info.version);
    });
    autoUpdater.on('update-downloaded', (info: UpdateInfo) => {
      set({ state: 'downloaded', version: info.version });
      void askToRestart(info.version);
    });
  }

  async function askToDownload(version: string): Promise<void> {
    if (asking || !autoUpdater) return;
    asking = true;
    try {
      const { response } = await showBox(deps, {
        type: 'info',
        title: 'Update available',
        message: `Outpost ${version} is available.`,
        detail: 'Download it now? You will be asked again before Outpost restarts to install it.',
        buttons: ['Download', 'Later'],
        defaultId: 0,
        cancelId: 1,
      });
      if (response === 0) {
        set({ state: 'downloading', percent: 0 });
        await autoUpdater.downloadUpdate();
      }
    } catch (e) {
      set({ state: 'error', message: errorMessage(e) });
    } finally {
      asking = false;
    }
  }

  async function askToRestart(version: string): Promise<void> {
    if (asking || !autoUpdater) return;
    asking = true;
    try {
      const { response } = await showBox(deps, {
        type: 'info',
        title: 'Update ready',
        message: `Outpost ${version} has been downloaded.`,
        detail:
          'Restart now to install it? Save your work first. If you choose Later, you can install it from Help → Check for updates.',
        buttons: ['Restart now', 'Later'],
        defaultId: 0,
        cancelId: 1,
      });
      if (response === 0) autoUpdater.quitAndInstall();
    } finally {
      asking = false;
    }
  }

  async function runCheck(updater: AppUpdater, interactive: boolean): Promise<UpdateStatus> {
    try {
      const result = await updater.checkForUpdates();
      // Once a download has started the check result is old news; report the download.
      if (current.state === 'downloading' || current.state === 'downloaded') return current;
      const status: UpdateStatus =
        result && result.isUpdateAvailable
          ? { state: 'available', version: result.updateInfo.version }
          : { state: 'not-available' };
      if (interactive && status.state === 'not-available') {
        await showBox(deps, {
          type: 'info',
          title: 'No update',
          message: 'Outpost is up to date.',
          buttons: ['OK'],
        });
      }
      return status;
    } catch (e) {
      const status: UpdateStatus = { state: 'error', message: errorMessage(e) };
      set(status);
      if (interactive) {
        await showBox(deps, {
          type: 'warning',
          title: 'Update check failed',
          message: 'Could not check for updates.',
          detail: status.message,
          buttons: ['OK'],
        });
      }
      return status;
    }
  }

  return {
    status: () => current,
    async check(options = {}) {
      if (!autoUpdater) {
        if (options.interactive) {
          await showBox(deps, {
            type: 'info',
            title: 'Updates',
            message: DEV_MESSAGE,
            buttons: ['OK'],
          });
        }
        return { state: 'error', message: DEV_MESSAGE };
      }
      if (refused) {
        set({ state: 'error', message: refused });
        if (options.interactive) {
          await showBox(deps, {
            type: 'warning',
            title: 'Updates switched off',
            message: 'Outpost cannot check for updates.',
            detail: refused,
            buttons: ['OK'],
          });
        }
        return current;
      }
      // A downloaded update is waiting: offer the restart again rather than re-checking.
      if (current.state === 'downloaded') {
        void askToRestart(current.version);
        return current;
      }
      inFlight ??= runCheck(autoUpdater, options.interactive ?? false).finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
  };
}
