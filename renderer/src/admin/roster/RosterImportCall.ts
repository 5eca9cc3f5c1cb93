// How the roster spreadsheet panel reaches the core: the admin call of whoever shows it (the console, the first-run
// setup), given through context so the panel's own props stay { onApplied }.
import { createContext, useContext } from 'react';
import type { AdminCall } from '../use-admin-call.js';

export const RosterImportCallContext = createContext<AdminCall | null>(null);

export function useRosterImportCall(): AdminCall {
  const call = useContext(RosterImportCallContext);
  if (!call) throw new Error('RosterImportPanel needs a RosterImportCallContext provider with the signed-in admin\'s call');
  return call;
}
