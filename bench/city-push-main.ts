// Runs the city's push benchmark alone: `npx tsx bench/city-push-main.ts [runs]` (no build needed).
import { benchCityPush } from './city-push.js';

const runs = Math.min(10, Math.max(1, Number(process.argv[2] ?? 1) || 1));
for (let run = 0; run < runs; run += 1) await benchCityPush();
