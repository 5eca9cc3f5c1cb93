// Every migration in order. Append only: the applied list in a database must be a prefix of this list.
import type { Migration } from '../migration.js';
import { initial } from './0001-initial.js';
import { trustedKeys } from './0002-trusted-keys.js';

export const migrations: readonly Migration[] = [initial, trustedKeys];
