// Types of scripts/web-host-env.mjs for the TypeScript that starts the web host (tests, benchmarks).
export function webHostEnv(platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv): Readonly<Record<string, string>>;
