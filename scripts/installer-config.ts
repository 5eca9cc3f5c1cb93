// electron-builder.yml read the way electron-builder reads it (its own loader and its own schema check), then held to
// what the kiosk needs with zod: the app's identity, the installers for the door PCs, and every file the installers
// take from the project (icons, the udev rule, the autostart entry, the built app) named where it can be checked.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { z } from 'zod';

export const projectDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

/** A file the deb installs outside the app's folder: fpm's `source=destination`. */
const FpmFileSchema = z.string().regex(/^[^=]+=\/[^=]+$/, 'fpm file mapping "source=/absolute/destination"');

const FileSetSchema = z.union([z.string(), z.object({ filter: z.array(z.string()) }).loose(), z.object({ from: z.string(), to: z.string() }).loose()]);

export const InstallerConfigSchema = z
  .object({
    appId: z.literal('kz.esik.kiosk'),
    productName: z.literal('Esik'),
    executableName: z.literal('esik'),
    directories: z.object({ output: z.string(), buildResources: z.literal('build') }).loose(),
    extraMetadata: z.object({ homepage: z.url() }).loose(),
    files: z.array(FileSetSchema).min(1),
    extraResources: z.array(z.object({ from: z.string(), to: z.string() })).min(1),
    linux: z
      .object({
        target: z.array(z.string()).refine((t) => t.includes('deb') && t.includes('AppImage'), 'linux targets: deb and AppImage'),
        icon: z.string(),
        maintainer: z.string().regex(/^.+ <[^<>@\s]+@[^<>@\s]+>$/, 'a deb maintainer "Name <email>"'),
        category: z.string(),
      })
      .loose(),
    deb: z.object({ fpm: z.array(FpmFileSchema).min(1) }).loose(),
    win: z.object({ target: z.array(z.string()).refine((t) => t.includes('nsis'), 'windows target: nsis'), icon: z.string() }).loose(),
    nsis: z.object({ oneClick: z.boolean(), perMachine: z.boolean() }).loose(),
  })
  .loose();
export type InstallerConfig = z.output<typeof InstallerConfigSchema>;

/** electron-builder.yml as electron-builder loads and validates it, then checked by InstallerConfigSchema. */
export async function loadInstallerConfig(configFile = 'electron-builder.yml'): Promise<InstallerConfig> {
  const config = await getConfig(projectDir, configFile, null);
  // electron-builder's own schema: a misspelt or misplaced option fails here, as it would at `npm run dist`.
  await validateConfiguration(config, new DebugLogger(false));
  return InstallerConfigSchema.parse(config);
}

/** The deb's extra files: where each comes from in the project and where it lands on the kiosk PC. */
export function debFiles(config: InstallerConfig): { source: string; destination: string }[] {
  return config.deb.fpm.map((pair) => {
    const [source = '', destination = ''] = pair.split('=');
    return { source, destination };
  });
}

/** Every project file the installers take as they are (not built): icons, resources, the deb's extra files. */
export function sourceFilesNamed(config: InstallerConfig): string[] {
  return [config.linux.icon, config.win.icon, ...config.extraResources.map((r) => r.from), ...debFiles(config).map((f) => f.source)];
}

export function missingFiles(paths: readonly string[]): string[] {
  return paths.filter((path) => !existsSync(isAbsolute(path) ? path : join(projectDir, path)));
}

/** A desktop entry's [Desktop Entry] keys (freedesktop.org Desktop Entry Specification: key=value lines). */
export function desktopEntry(path: string): Record<string, string> {
  const entry: Record<string, string> = {};
  let inGroup = false;
  for (const raw of readFileSync(join(projectDir, path), 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('[')) {
      inGroup = line === '[Desktop Entry]';
      continue;
    }
    const eq = line.indexOf('=');
    if (inGroup && eq > 0) entry[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return entry;
}

export const AutostartEntrySchema = z
  .object({
    Type: z.literal('Application'),
    Name: z.literal('Esik'),
    Exec: z.string().min(1),
    Icon: z.string().min(1),
    Terminal: z.literal('false'),
  })
  .loose();
