// The reference city server for demos and manual tests: `npm run city:demo -- [options]`.
//   --port <n>            default 8787 (0 picks a free port)
//   --data-dir <path>     default $ESIK_CITY_DATA_DIR or <tmp>/esik-city-server (kept between runs)
//   --seed demo|empty     what a NEW database starts with (default demo: the kiosk's demo kindergarten)
//   --faults <json>       a FaultPlan, e.g. '{"error500Rate":0.2,"latencyMs":300,"seed":7}' (or $ESIK_CITY_FAULTS)
// Prints `CITY_URL <url>` and `ENROLLMENT_CODE <code>` on their own lines, then logs requests.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startCityServer } from './city-server.js';
import { FaultPlanSchema } from './faults.js';

const ArgsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  dataDir: z.string().min(1),
  seed: z.enum(['demo', 'empty']),
  faults: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not JSON' });
        return z.NEVER;
      }
    })
    .pipe(FaultPlanSchema)
    .optional(),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      'data-dir': { type: 'string', default: process.env.ESIK_CITY_DATA_DIR ?? join(tmpdir(), 'esik-city-server') },
      seed: { type: 'string', default: 'demo' },
      faults: { type: 'string', default: process.env.ESIK_CITY_FAULTS },
    },
    strict: true,
  });
  const parsed = ArgsSchema.safeParse({ port: values.port, dataDir: values['data-dir'], seed: values.seed, faults: values.faults || undefined });
  if (!parsed.success) {
    console.error(`city-server: ${parsed.error.issues.map((i) => `--${i.path.join('.')} ${i.message}`).join('; ')}`);
    process.exit(2);
  }
  const args = parsed.data;
  const server = await startCityServer({
    dataDir: args.dataDir,
    port: args.port,
    seed: args.seed,
    log: (line) => console.log(`${new Date().toISOString()} ${line}`),
  });
  if (args.faults) server.setFaults(args.faults);
  console.log(`CITY_URL ${server.url}`);
  console.log(`ENROLLMENT_CODE ${server.issueEnrollmentCode()}`);
  console.log(`city-server: data in ${args.dataDir}`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`city-server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
