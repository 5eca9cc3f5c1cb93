// What the web host (`node dist/web/cli.mjs`) is started with besides the caller's environment: by `npm start`
// (scripts/start.mjs) and by the tests and benchmarks that start it (e2e/support/kiosk-host.ts), so they measure the
// host a kiosk runs.
//
// MALLOC_ARENA_MAX=2 on Linux. glibc gives each thread that allocates while another holds the lock an arena of its own
// (up to eight per core) and keeps what an arena once held: a freed chunk inside it stays resident, only its top is ever
// given back. The host has a dozen threads (V8's compilers and collectors, libuv's pool, the peer and sync workers, a
// backup's two), and over a long day their arenas stepped up now and then and never down. Two arenas shared by all of
// them keep the high-water marks to two. Measured side by side in one 40-minute camera soak (`npm run build && npx tsx
// bench/camera-soak-main.ts 2400 900`, ~1,200 check-ins fitted, load ~15 on 2 cores): host_rss_growth_mb_per_h 1.41
// (by halves 0.48, then 2.03) without it, 0.29 (0.34, 0.33) with it, and the host 24 MB smaller. A value the admin set
// is kept. Other platforms' allocators do not read it. The Electron shell needs none: Chromium's allocator shim routes
// its main process's malloc to PartitionAlloc, not glibc's arenas.
export function webHostEnv(platform = process.platform, env = process.env) {
  if (platform !== 'linux' || env.MALLOC_ARENA_MAX !== undefined) return {};
  return { MALLOC_ARENA_MAX: '2' };
}
