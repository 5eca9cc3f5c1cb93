// Runs the full-check benchmark alone: `npx tsx bench/full-check-main.ts`.
import { benchFullCheck } from './full-check.js';

benchFullCheck();
