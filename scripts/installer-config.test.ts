// electron-builder.yml checked without building an installer (no Electron binary or fpm needed): electron-builder's
// own schema, the kiosk's requirements in zod, and every project file it names on disk. The built app's files are
// checked after `npm run build` by e2e/installer-inputs.spec.ts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { AutostartEntrySchema, debFiles, desktopEntry, loadInstallerConfig, missingFiles, projectDir, sourceFilesNamed } from './installer-config.js';

/** electron-builder.yml with one change, as a file of its own. */
function changedConfig(change: (yaml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'esik-builder-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'electron-builder.yml');
  writeFileSync(file, change(readFileSync(join(projectDir, 'electron-builder.yml'), 'utf8')));
  return file;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema and names the app, its id and the installers for the door PCs', async () => {
    const config = await loadInstallerConfig();
    expect(config.appId).toBe('kz.esik.kiosk');
    expect(config.productName).toBe('Esik');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('installs the udev rule for HID readers and the autostart entry with the deb, from files that exist', async () => {
    const config = await loadInstallerConfig();
    expect(debFiles(config)).toEqual([
      { source: 'resources/udev/99-esik-rfid.rules', destination: '/etc/udev/rules.d/99-esik-rfid.rules' },
      { source: 'build/linux/esik-autostart.desktop', destination: '/etc/xdg/autostart/esik.desktop' },
    ]);
    expect(sourceFilesNamed(config)).toContain('build/icon.png');
    expect(missingFiles(sourceFilesNamed(config))).toEqual([]);
  });

  it('starts the installed program from the autostart entry', async () => {
    const config = await loadInstallerConfig();
    const entry = AutostartEntrySchema.parse(desktopEntry('build/linux/esik-autostart.desktop'));
    // The deb links /usr/bin/<executableName> to /opt/<productName>/<executableName>.
    expect(entry.Exec.split(' ')[0]).toBe(config.executableName);
    expect(entry.Icon).toBe(config.executableName);
    expect(entry.Hidden).toBeUndefined();
  });

  it('ships a udev rule that opens a reader’s hidraw node to the plugdev group, and nothing wider', () => {
    const rules = readFileSync(join(projectDir, 'resources/udev/99-esik-rfid.rules'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule).toMatch(/^SUBSYSTEM=="hidraw", ATTRS\{idVendor\}=="[0-9a-f]{4}", ATTRS\{idProduct\}=="[0-9a-f]{4}", GROUP="plugdev", MODE="0660"$/);
    }
  });

  it('is refused when an option is misspelt, a required one is wrong, or a named file is missing', async () => {
    await expect(loadInstallerConfig(changedConfig((yaml) => yaml.replace('  fpm:', '  fpmm:')))).rejects.toThrow(/configuration\.deb/);
    await expect(loadInstallerConfig(changedConfig((yaml) => yaml.replace('appId: kz.esik.kiosk', 'appId: com.example.app')))).rejects.toThrow(/appId/);
    await expect(loadInstallerConfig(changedConfig((yaml) => yaml.replace('target: [AppImage, deb]', 'target: [AppImage]')))).rejects.toThrow(/deb and AppImage/);
    await expect(loadInstallerConfig(changedConfig((yaml) => yaml.replace('=/etc/udev/rules.d/', '=etc/udev/rules.d/')))).rejects.toThrow(/source=\/absolute\/destination/);
    const moved = await loadInstallerConfig(changedConfig((yaml) => yaml.replace('resources/udev/99-esik-rfid.rules=', 'resources/udev/99-esik.rules=')));
    expect(missingFiles(sourceFilesNamed(moved))).toEqual(['resources/udev/99-esik.rules']);
  });
});
