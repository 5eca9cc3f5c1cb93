// How the diagnostics page writes sizes, durations and times: small pure helpers over the catalog's units.
import type { TFunction } from 'i18next';
import { kioskLocalTime } from '../state/kiosk-zone.js';
import { dayText } from './dates.js';

export function bytesText(t: TFunction, bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1024) return `${(mb / 1024).toFixed(1)} ${t('admin.diagnostics.units.gb')}`;
  if (mb >= 1) return `${mb.toFixed(1)} ${t('admin.diagnostics.units.mb')}`;
  return `${Math.ceil(bytes / 1024)} ${t('admin.diagnostics.units.kb')}`;
}

export function durationText(t: TFunction, seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return t('admin.diagnostics.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/** "03.12.2026 12:45" in the kiosk's local time. */
export function whenText(ms: number): string {
  const at = kioskLocalTime(new Date(ms));
  return `${dayText(at.localDate)} ${at.hhmm}`;
}

/** "+05:00" */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
