// Decode rates overall, per recipe and per degradation, as plain log lines: the BENCH lines give the
// headline, these show where each decoder fails.
import { type HardSetImage } from './hard-set.js';
import { type DecoderRun } from './runs.js';
import { DEGRADATIONS } from './shots.js';

export function ratePercent(run: DecoderRun, images: readonly HardSetImage[]): number {
  return (100 * images.filter((image) => run.ok.get(image.shot.id) === true).length) / images.length;
}

function row(label: string, cells: readonly string[]): string {
  return `  ${label.padEnd(26)}${cells.map((c) => c.padStart(14)).join('')}`;
}

function groupTable(title: string, groups: ReadonlyMap<string, readonly HardSetImage[]>, runs: readonly DecoderRun[]): string[] {
  const lines = [title, row('', ['images', ...runs.map((r) => r.name)])];
  for (const [label, members] of groups) {
    const cells = runs.map((run) => {
      const ok = members.filter((image) => run.ok.get(image.shot.id) === true).length;
      return `${ok}/${members.length} ${((100 * ok) / members.length).toFixed(0).padStart(3)}%`;
    });
    lines.push(row(label, [String(members.length), ...cells]));
  }
  return lines;
}

export function byRecipe(images: readonly HardSetImage[]): Map<string, HardSetImage[]> {
  const groups = new Map<string, HardSetImage[]>();
  for (const image of images) groups.set(image.shot.recipe, [...(groups.get(image.shot.recipe) ?? []), image]);
  return groups;
}

/** An image with several degradations counts under each of them. */
export function byDegradation(images: readonly HardSetImage[]): Map<string, HardSetImage[]> {
  const groups = new Map<string, HardSetImage[]>([['baseline (none)', images.filter((image) => image.shot.tags.length === 0)]]);
  for (const tag of DEGRADATIONS) groups.set(tag, images.filter((image) => image.shot.tags.includes(tag)));
  return groups;
}

export function rateTables(images: readonly HardSetImage[], runs: readonly DecoderRun[]): string[] {
  return [
    ...groupTable('QR decode rate by degradation (an image counts under each of its degradations):', byDegradation(images), runs),
    ...groupTable('QR decode rate by recipe:', byRecipe(images), runs),
  ];
}

export function countLines(images: readonly HardSetImage[]): string[] {
  const counts = [...byDegradation(images)].map(([tag, members]) => `${tag} ${members.length}`);
  return [`QR hard set: ${images.length} images (640×480 grey webcam frames); per degradation: ${counts.join(', ')}`];
}
