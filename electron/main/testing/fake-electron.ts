// A stand-in for the 'electron' module, for unit tests of electron/main where no Electron binary exists. It keeps
// what the shell asks of Electron (handlers registered, windows made, login items set, permission handlers) so a test
// can read it back and play Electron's side: fire app and window events, invoke an IPC handler from a chosen frame,
// ask a permission, press a key. Use it in a test file with
//
//   vi.mock('electron', () => import('./testing/fake-electron.js'));
//   import { electronFake } from './testing/fake-electron.js';
//   beforeEach(() => electronFake.reset());
//
// Only what electron/main uses is here; a new use adds its piece (the updater's code fires app events through
// electronFake.app.emit and reads electronFake.app.quits the same way).
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** What Electron passes listeners that may cancel: the shell's decision is read back from `defaultPrevented`. */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

/** A frame as an IPC event's senderFrame: its URL and whether it is a top frame. */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export function topFrame(url: string): FakeFrame {
  return { url, parent: null };
}

export function childFrame(url: string, parentUrl: string): FakeFrame {
  return { url, parent: topFrame(parentUrl) };
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  url = '';
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly loaded: string[] = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  crashed = 0;
  visualZoomLimits: [number, number] | null = null;
  destroyed = false;

  getURL(): string {
    return this.url;
  }
  loadURL(url: string): Promise<void> {
    this.url = url;
    this.loaded.push(url);
    return Promise.resolve();
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  setVisualZoomLevelLimits(min: number, max: number): Promise<void> {
    this.visualZoomLimits = [min, max];
    return Promise.resolve();
  }
  forcefullyCrashRenderer(): void {
    this.crashed += 1;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Plays a key press the way Electron does before the page sees it; true when the shell swallowed it. */
  pressKey(input: { key: string; code: string; control?: boolean; alt?: boolean; shift?: boolean; meta?: boolean; type?: 'keyDown' | 'keyUp' }): boolean {
    const event = new FakeEvent();
    this.emit('before-input-event', event, {
      type: input.type ?? 'keyDown',
      key: input.key,
      code: input.code,
      control: input.control ?? false,
      alt: input.alt ?? false,
      shift: input.shift ?? false,
      meta: input.meta ?? false,
      isAutoRepeat: false,
      isComposing: false,
      location: 0,
      modifiers: [],
    });
    return event.defaultPrevented;
  }

  /** Electron's will-navigate (and will-redirect): true when the shell refused it. */
  navigate(url: string, kind: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const event = new FakeEvent();
    this.emit(kind, event, url);
    return event.defaultPrevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly all: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }

  readonly webContents = new FakeWebContents();
  readonly options: Record<string, unknown>;
  menu: unknown = 'default';
  shown = false;
  focused = 0;
  minimized = false;
  destroyed = false;

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    FakeBrowserWindow.all.push(this);
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused += 1;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setMenu(menu: unknown): void {
    this.menu = menu;
  }
  removeMenu(): void {
    this.menu = null;
  }

  /** Alt+F4, the title bar's ✕ or the OS asking: 'close' first, closed only if no listener prevented it. */
  close(): boolean {
    const event = new FakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    return true;
  }
}

type IpcHandler = (event: { senderFrame: FakeFrame | null }, ...args: unknown[]) => unknown;
type PermissionRequestHandler = (contents: FakeWebContents, permission: string, callback: (granted: boolean) => void, details: Record<string, unknown>) => void;
type PermissionCheckHandler = (contents: FakeWebContents | null, permission: string, requestingOrigin: string, details: Record<string, unknown>) => boolean;
type ProtocolHandler = (request: Request) => Response | Promise<Response>;

class FakeApp extends EventEmitter {
  isPackaged = false;
  version = '0.1.0-test';
  singleInstance = true;
  quits = 0;
  exits: number[] = [];
  relaunches = 0;
  readonly loginItems: Record<string, unknown>[] = [];
  readonly paths: Record<string, string> = { userData: '/nonexistent/esik-user-data', documents: '/nonexistent/documents' };
  private ready = Promise.resolve();

  whenReady(): Promise<void> {
    return this.ready;
  }
  getVersion(): string {
    return this.version;
  }
  getPath(name: string): string {
    const path = this.paths[name];
    if (path === undefined) throw new Error(`fake electron: app.getPath('${name}') has no answer`);
    return path;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  /** Like Electron: before-quit first (a listener may prevent it), then will-quit. */
  quit(): void {
    this.quits += 1;
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    for (const win of FakeBrowserWindow.getAllWindows()) win.close();
    this.emit('will-quit', new FakeEvent());
  }
  exit(code = 0): void {
    this.exits.push(code);
  }
  relaunch(): void {
    this.relaunches += 1;
  }
  setLoginItemSettings(settings: Record<string, unknown>): void {
    this.loginItems.push(settings);
  }
  getLoginItemSettings(): { openAtLogin: boolean } {
    const last = this.loginItems.at(-1);
    return { openAtLogin: last?.openAtLogin === true };
  }
}

class FakeIpcMain {
  readonly handlers = new Map<string, IpcHandler>();
  handle(channel: string, handler: IpcHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** ipcRenderer.invoke from `frame`: the registered handler's answer. */
  async invoke(channel: string, frame: FakeFrame | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return await handler({ senderFrame: frame }, ...args);
  }
}

class FakeSession {
  permissionRequest: PermissionRequestHandler | null = null;
  permissionCheck: PermissionCheckHandler | null = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheck = handler;
  }
  /** A page asks for a permission: the shell's answer (a handler that never answers is an error). */
  request(contents: FakeWebContents, permission: string, details: Record<string, unknown>): boolean {
    if (!this.permissionRequest) throw new Error('fake electron: no permission request handler set');
    let answer: boolean | null = null;
    this.permissionRequest(contents, permission, (granted) => (answer = granted), details);
    if (answer === null) throw new Error(`fake electron: the permission request for ${permission} was never answered`);
    return answer;
  }
}

/** safeStorage as a reversible, visibly different transformation, so a test can tell sealed bytes from plain text. */
class FakeSafeStorage {
  available = true;
  backend = 'gnome_libsecret';
  readonly calls: string[] = [];
  isEncryptionAvailable(): boolean {
    this.calls.push('isEncryptionAvailable');
    return this.available;
  }
  getSelectedStorageBackend(): string {
    this.calls.push('getSelectedStorageBackend');
    return this.backend;
  }
  encryptString(plain: string): Buffer {
    this.calls.push('encryptString');
    if (!this.available) throw new Error('Encryption is not available.');
    return Buffer.concat([Buffer.from('sealed:'), Buffer.from(plain, 'utf8').reverse()]);
  }
  decryptString(sealed: Buffer): string {
    this.calls.push('decryptString');
    const prefix = Buffer.from('sealed:');
    if (!sealed.subarray(0, prefix.length).equals(prefix)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(sealed.subarray(prefix.length)).reverse().toString('utf8');
  }
}

class FakeProtocol {
  readonly privileged: { scheme: string; privileges: Record<string, boolean> }[] = [];
  readonly handlers = new Map<string, ProtocolHandler>();
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void {
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: ProtocolHandler): void {
    this.handlers.set(scheme, handler);
  }
  /** The page loads `url` of a handled scheme. */
  async fetch(url: string): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.replace(/:$/, ''));
    if (!handler) throw new Error(`fake electron: no protocol handler for ${url}`);
    return await handler(new Request(url));
  }
}

class FakePowerSaveBlocker {
  private next = 1;
  readonly started: string[] = [];
  readonly stopped: number[] = [];
  start(type: string): number {
    this.started.push(type);
    return this.next++;
  }
  stop(id: number): void {
    this.stopped.push(id);
  }
}

class FakeMenu {
  applicationMenu: unknown = 'default';
  setApplicationMenu(menu: unknown): void {
    this.applicationMenu = menu;
  }
}

class FakeDialog {
  answer: { canceled: boolean; filePath?: string } = { canceled: true };
  readonly asked: unknown[][] = [];
  showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> {
    this.asked.push(args);
    return Promise.resolve(this.answer);
  }
}

/** Everything a test reads back or drives; reset() between tests. */
class ElectronFake {
  app = new FakeApp();
  ipcMain = new FakeIpcMain();
  session = new FakeSession();
  safeStorage = new FakeSafeStorage();
  protocol = new FakeProtocol();
  powerSaveBlocker = new FakePowerSaveBlocker();
  menu = new FakeMenu();
  dialog = new FakeDialog();

  get windows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all;
  }

  /** A new web contents as Electron announces it ('web-contents-created'), for the shell's lock-down to take. */
  createWebContents(url: string): FakeWebContents {
    const contents = new FakeWebContents();
    contents.url = url;
    this.app.emit('web-contents-created', new FakeEvent(), contents);
    return contents;
  }

  reset(): void {
    this.app.removeAllListeners();
    this.app = new FakeApp();
    this.ipcMain = new FakeIpcMain();
    this.session = new FakeSession();
    this.safeStorage = new FakeSafeStorage();
    this.protocol = new FakeProtocol();
    this.powerSaveBlocker = new FakePowerSaveBlocker();
    this.menu = new FakeMenu();
    this.dialog = new FakeDialog();
    FakeBrowserWindow.all.length = 0;
  }
}

export const electronFake = new ElectronFake();

// The module's own exports, as 'electron' names them. Getters, so a reset() between tests is seen by code that
// imported them once at the top of its file.
export const BrowserWindow = FakeBrowserWindow;
export const app = delegate(() => electronFake.app);
export const ipcMain = delegate(() => electronFake.ipcMain);
export const safeStorage = delegate(() => electronFake.safeStorage);
export const protocol = delegate(() => electronFake.protocol);
export const powerSaveBlocker = delegate(() => electronFake.powerSaveBlocker);
export const Menu = delegate(() => electronFake.menu);
export const dialog = delegate(() => electronFake.dialog);
export const session = {
  get defaultSession(): FakeSession {
    return electronFake.session;
  },
};
/** net.fetch for the file: URLs the app scheme's handler reads (Node's fetch has no file:). */
export const net = {
  async fetch(url: string): Promise<Response> {
    try {
      return new Response(await readFile(fileURLToPath(url)), { status: 200, headers: { 'Content-Type': url.endsWith('.html') ? 'text/html' : 'application/octet-stream' } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  },
};

/** An object whose every property is read from the current fake at call time (so reset() replaces them all). */
function delegate<T extends object>(current: () => T): T {
  return new Proxy({} as T, {
    get: (_target, property) => {
      const target = current();
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    set: (_target, property, value) => Reflect.set(current(), property, value),
  });
}
