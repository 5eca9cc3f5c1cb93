// IPC channel names of the Electron shell. Kept apart from the zod contract so the sandboxed preload stays tiny.
export const IPC_CALL = 'esik:call';
export const IPC_EVENT = 'esik:event';
/** The custom scheme the renderer is served from in Electron (not file://, so CSP headers apply). */
export const APP_SCHEME = 'esik';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
