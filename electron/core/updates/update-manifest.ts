// A feed's channel file (what electron-builder writes as latest.yml / latest-linux.yml): the version offered and each
// installer with its sha512 and size. Read only after its signature checked (update-signature.ts), with the same YAML
// reader electron-updater uses, so the core and the installer read one thing; then every field the kiosk relies on is
// checked here, since the file came from a network or a stick.
import { parseUpdateInfo } from 'electron-updater/out/providers/Provider.js';
import { z } from 'zod';

/** A version as electron-builder writes it: three numbers and an optional pre-release tag. */
export const VersionSchema = z.string().regex(/^\d{1,6}\.\d{1,6}\.\d{1,6}(-[0-9A-Za-z.-]{1,40})?$/);

/** An installer named by the channel file: a plain file name beside it (never a path or another host). */
export const UpdateFileSchema = z.object({
  url: z
    .string()
    .min(1)
    .max(255)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._ -]*$/),
  /** sha512 in base64, as electron-builder writes it: 64 bytes. */
  sha512: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
  size: z.number().int().positive(),
});
export type UpdateFile = z.infer<typeof UpdateFileSchema>;

export const UpdateManifestSchema = z.object({
  version: VersionSchema,
  files: z.array(UpdateFileSchema).min(1).max(16),
});
export type UpdateManifest = z.infer<typeof UpdateManifestSchema>;

/** The channel file electron-updater asks a generic feed for on this platform. */
export function channelFileName(platform: NodeJS.Platform): string {
  if (platform === 'linux') return 'latest-linux.yml';
  if (platform === 'darwin') return 'latest-mac.yml';
  return 'latest.yml';
}

/** The manifest, or null for a file that is not YAML or lacks what an update needs. */
export function parseManifest(text: string, channelFile: string): UpdateManifest | null {
  let raw: unknown;
  try {
    raw = parseUpdateInfo(text, channelFile, new URL(`file:///${channelFile}`));
  } catch {
    return null;
  }
  const parsed = UpdateManifestSchema.safeParse(raw);
  if (!parsed.success) return null;
  const names = new Set(parsed.data.files.map((file) => file.url));
  return names.size === parsed.data.files.length ? parsed.data : null;
}

/** -1, 0 or 1 as a is older, the same as or newer than b (a pre-release comes before its release). */
export function compareVersions(a: string, b: string): number {
  const split = (v: string): [number[], string | null] => {
    const [core = '', ...pre] = v.split('-');
    return [core.split('.').map(Number), pre.length > 0 ? pre.join('-') : null];
  };
  const [coreA, preA] = split(a);
  const [coreB, preB] = split(b);
  for (let i = 0; i < 3; i += 1) {
    const diff = (coreA[i] ?? 0) - (coreB[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  if (preA === preB) return 0;
  if (preA === null) return 1;
  if (preB === null) return -1;
  return preA < preB ? -1 : 1;
}
