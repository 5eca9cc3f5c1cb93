// This computer's name before an admin gives it one: its own host name, which staff know it by. The founder's member
// record takes it, and the status shows it for this computer before it belongs to a group.
import { hostname } from 'node:os';

export function defaultMachineName(): string {
  const name = hostname().trim().slice(0, 60);
  return name.length > 0 ? name : 'Esik';
}
