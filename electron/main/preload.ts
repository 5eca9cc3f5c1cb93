// Exposes exactly the KioskApi (call + on) to the renderer; never ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CALL, IPC_EVENT } from '../../shared/api/ipc-channels.js';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(IPC_EVENT, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

contextBridge.exposeInMainWorld('kiosk', {
  call: (name: string, args: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_CALL, String(name), args),
  on: (event: string, listener: Listener): (() => void) => {
    const set = listeners.get(String(event)) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(String(event), set);
    return () => set.delete(listener);
  },
});
