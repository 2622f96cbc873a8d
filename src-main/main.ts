/**
 * Electron main process (DESIGN §1: thin). Owns the window, the app:// scheme, the menu,
 * native dialogs, the credential vault and updates; everything else lives in the renderer.
 */
import { join } from 'node:path';
import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  session,
  shell,
  type MessageBoxOptions,
} from 'electron';
import electronUpdater from 'electron-updater';
import { createAppProtocolHandler } from './app-protocol';
import { openFile, printToPdf, saveFile, type DialogDeps } from './dialogs';
import { registerIpcHandlers } from './ipc';
import { exportBackup, keepBackup, listBackups, openBackup } from './backups';
import { EVENTS, VERSION_ARG_PREFIX } from './ipc-channels';
import { buildMenuTemplate } from './menu';
import type { MenuCommand, UpdateStatus } from './preload-api';
import { APP_SCHEME, APP_URL, hardenSession, hardenWebContents } from './security';
import { createUpdater, type Updater } from './updater';
import { createVault, fileVaultStorage, safeStorageCrypto } from './vault';

// Must happen before `ready`: only privileged schemes get a real origin (IndexedDB, fetch, CORS).
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: {
      standard: true,
      secure: true,
      supportFetchAPI: true,
      corsEnabled: true,
      stream: true,
      codeCache: true,
    },
  },
]);

// Tests and portable installs point this at a throwaway/USB directory; must precede `ready`.
if (process.env.OUTPOST_USER_DATA_DIR) app.setPath('userData', process.env.OUTPOST_USER_DATA_DIR);

// Next to dist-main/ both in a checkout and inside app.asar, however Electron was launched.
const DIST_ROOT = join(__dirname, '..', 'dist');

let mainWindow: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Outpost',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      navigateOnDragDrop: false,
      additionalArguments: [`${VERSION_ARG_PREFIX}${app.getVersion()}`],
    },
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_URL);
  return window;
}

function focusMainWindow(): void {
  if (!mainWindow) {
    mainWindow = createWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function send(channel: string, payload: MenuCommand | UpdateStatus): void {
  const contents = mainWindow?.webContents;
  if (contents && !contents.isDestroyed()) contents.send(channel, payload);
}

function showMessageBox(
  window: BrowserWindow | null,
  options: MessageBoxOptions,
): Promise<{ response: number }> {
  return window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(DIST_ROOT));

  const updater: Updater = createUpdater({
    loadAutoUpdater: () => electronUpdater.autoUpdater,
    isPackaged: app.isPackaged,
    feedUrlOverride: process.env.OUTPOST_UPDATE_URL,
    showMessageBox,
    getWindow: () => mainWindow,
    sendStatus: (status) => send(EVENTS.updatesStatus, status),
  });

  const dialogDeps: DialogDeps = { dialog, defaultDirectory: () => app.getPath('documents') };
  const backupsDir = () => join(app.getPath('userData'), 'backups');
  registerIpcHandlers(ipcMain, {
    vault: createVault(
      safeStorageCrypto(safeStorage, process.platform),
      fileVaultStorage(app.getPath('userData')),
    ),
    saveFile: (window, request) => saveFile(dialogDeps, window, request),
    openFile: (window, request) => openFile(dialogDeps, window, request),
    printToPdf: (window, request) => printToPdf(dialogDeps, window, request),
    backups: {
      keep: (request) => keepBackup(backupsDir(), request),
      list: () => listBackups(backupsDir()),
      export: (window, name) => exportBackup(dialogDeps, window, backupsDir(), name),
      open: (window) => openBackup(dialogDeps, window, backupsDir()),
    },
    checkForUpdates: () => updater.check(),
    appInfo: () => ({
      name: app.getName(),
      version: app.getVersion(),
      os: process.platform,
      packaged: app.isPackaged,
      electron: process.versions.electron ?? '',
    }),
    windowOf: (event) => BrowserWindow.fromWebContents(event.sender),
  });

  app.setAboutPanelOptions({ applicationName: 'Outpost', applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        appName: 'Outpost',
        platform: process.platform,
        isPackaged: app.isPackaged,
        sendCommand: (command) => send(EVENTS.menuCommand, command),
        showAbout: () => app.showAboutPanel(),
        checkForUpdates: () => void updater.check({ interactive: true }),
      }),
    ),
  );

  mainWindow = createWindow();
  if (app.isPackaged) {
    // One quiet check per start; failures (offline is normal here) only become a status.
    mainWindow.webContents.once('did-finish-load', () => void updater.check());
  }
}

// Exactly one process may own the IndexedDB-backed databases: two writers corrupt them.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  // Covers every webContents, including any a bug or an extension might create later.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      dialog.showErrorBox('Outpost could not start', e instanceof Error ? e.message : String(e));
      app.quit();
    });
}
