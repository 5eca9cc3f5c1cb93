// Reads the recorded HID byte streams in ../fixtures: one input report per line in hex, '#' comments, and
// "!unplug <message>" where the device failed the way node-hid reports an unplug.
import { readFileSync } from 'node:fs';

export type RecordedStep = { kind: 'report'; bytes: Buffer } | { kind: 'unplug'; message: string };

export function parseRecordedStream(text: string): RecordedStep[] {
  const steps: RecordedStep[] = [];
  for (const [index, rawLine] of text.split('\n').entries()) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('!unplug')) {
      steps.push({ kind: 'unplug', message: line.slice('!unplug'.length).trim() });
      continue;
    }
    const bytes = line.split(/\s+/);
    if (!bytes.every((b) => /^[0-9A-Fa-f]{2}$/.test(b))) throw new Error(`fixture line ${index + 1} is not hex bytes: ${line}`);
    steps.push({ kind: 'report', bytes: Buffer.from(bytes.map((b) => parseInt(b, 16))) });
  }
  return steps;
}

export function loadRecordedStream(name: string): RecordedStep[] {
  return parseRecordedStream(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
}
