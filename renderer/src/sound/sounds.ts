// Short tones made with WebAudio (no audio files): people hear the result before they look.
// Sound is a courtesy: anything that goes wrong here is swallowed, never shown.

import type { SoundLevel } from '../../../shared/admin/door-settings.js';

export type Sound = 'arrival' | 'departure' | 'info' | 'error';

interface Tone {
  hz: number;
  ms: number;
  type: OscillatorType;
}

const SOUNDS: Record<Sound, readonly Tone[]> = {
  // Rising: coming in. Falling: going home.
  arrival: [
    { hz: 660, ms: 110, type: 'sine' },
    { hz: 990, ms: 160, type: 'sine' },
  ],
  departure: [
    { hz: 990, ms: 110, type: 'sine' },
    { hz: 660, ms: 160, type: 'sine' },
  ],
  // One neutral note: acknowledged, nothing new.
  info: [{ hz: 740, ms: 140, type: 'sine' }],
  // Low and rough: something is wrong.
  error: [{ hz: 150, ms: 260, type: 'square' }],
};

/** Gain per level: quiet still carries over a hall's chatter at arm's length, loud across a lobby. */
const VOLUMES: Record<SoundLevel, number> = { off: 0, quiet: 0.08, normal: 0.25, loud: 0.6 };
let volume = VOLUMES.normal;
let context: AudioContext | null = null;
/** A running context renders silence all day: about 1.5 % of a core in Chromium's audio service (bench/idle-cpu.ts). */
const SUSPEND_AFTER_MS = 5_000;
let suspendTimer: ReturnType<typeof setTimeout> | null = null;

/** Suspends the context once the last sound has played; playSound resumes it. */
function suspendWhenQuiet(ctx: AudioContext): void {
  if (suspendTimer !== null) clearTimeout(suspendTimer);
  suspendTimer = setTimeout(() => {
    suspendTimer = null;
    if (ctx.state === 'running') void ctx.suspend().catch(() => undefined);
  }, SUSPEND_AFTER_MS);
}

/** The admin's setting, from the core's status. */
export function setSoundLevel(level: SoundLevel): void {
  volume = VOLUMES[level];
}

export function playSound(sound: Sound): void {
  try {
    if (volume === 0) return;
    const ctx = audioContext();
    if (!ctx) return;
    // Chromium suspends contexts until the page has had a user gesture (a card burst is one), and we do when quiet.
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    let at = ctx.currentTime + 0.01;
    for (const tone of SOUNDS[sound]) {
      at = scheduleTone(ctx, tone, at);
    }
    suspendWhenQuiet(ctx);
  } catch {
    // No audio device, a blocked context, an old engine: the screen still says it all.
  }
}

/**
 * Creates the audio context at start-up. Making one takes up to ~100 ms on a slow PC; done later, that would
 * land on the first receipt or in the middle of a card burst. Where the browser wants a user gesture first
 * (the web host; Electron allows sound), it starts suspended and playSound resumes it after the first tap.
 */
export function prepareSound(): void {
  try {
    audioContext();
  } catch {
    // Sound stays off; playSound copes.
  }
}

function audioContext(): AudioContext | null {
  if (context) return context;
  if (typeof AudioContext === 'undefined') return null;
  context = new AudioContext();
  suspendWhenQuiet(context);
  return context;
}

function scheduleTone(ctx: AudioContext, tone: Tone, start: number): number {
  const end = start + tone.ms / 1000;
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.type = tone.type;
  oscillator.frequency.value = tone.hz;
  // Short ramps at both ends: no clicks.
  gain.gain.setValueAtTime(0, start);
  gain.gain.linearRampToValueAtTime(volume, start + 0.01);
  gain.gain.setValueAtTime(volume, end - 0.02);
  gain.gain.linearRampToValueAtTime(0, end);
  oscillator.connect(gain).connect(ctx.destination);
  oscillator.start(start);
  oscillator.stop(end);
  return end + 0.02;
}
