// Alone: `npx tsx bench/admin-queries-main.ts` (the million-event fixture is generated once into the temp folder).
import { benchAdminQueries } from './admin-queries.js';

benchAdminQueries();
