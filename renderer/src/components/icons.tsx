// Inline SVG icons (no files to load, nothing to fail): drawn in currentColor, sized by CSS.
import type { ReactNode } from 'react';

function Icon({ className, children }: { className?: string | undefined; children: ReactNode }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 48 48"
      fill="none"
      stroke="currentColor"
      strokeWidth={3.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

type IconProps = { className?: string };

/** A card held against waves: "tap your card". */
export function CardIcon({ className }: IconProps) {
  return (
    <Icon className={className}>
      <rect x="6" y="14" width="26" height="18" rx="3" />
      <path d="M11 20h9M11 25h5" />
      <path d="M37 16c2.5 2.2 2.5 11.8 0 14M42 12c4.5 4 4.5 18 0 22" />
    </Icon>
  );
}

export function CheckIcon({ className }: IconProps) {
  return (
    <Icon className={className}>
      <circle cx="24" cy="24" r="20" />
      <path d="M14 24.5l7 7 13-14" />
    </Icon>
  );
}

export function InfoIcon({ className }: IconProps) {
  return (
    <Icon className={className}>
      <circle cx="24" cy="24" r="20" />
      <path d="M24 22v12" />
      <circle cx="24" cy="14" r="2.8" fill="currentColor" stroke="none" />
    </Icon>
  );
}

export function WarningIcon({ className }: IconProps) {
  return (
    <Icon className={className}>
      <path d="M24 5L45 42H3z" />
      <path d="M24 19v10" />
      <circle cx="24" cy="35" r="2.8" fill="currentColor" stroke="none" />
    </Icon>
  );
}

/** An arrow into a door: arrival. */
export function ArrivalIcon({ className }: IconProps) {
  return (
    <Icon className={className}>
      <path d="M28 6h12v36H28" />
      <path d="M6 24h24M21 15l9 9-9 9" />
    </Icon>
  );
}

/** An arrow out of a door: departure. */
export function DepartureIcon({ className }: IconProps) {
  return (
    <Icon className={className}>
      <path d="M20 6H8v36h12" />
      <path d="M18 24h24M33 15l9 9-9 9" />
    </Icon>
  );
}

export function PersonIcon({ className }: IconProps) {
  return (
    <Icon className={className}>
      <circle cx="24" cy="15" r="8" />
      <path d="M8 43c0-9 7-15 16-15s16 6 16 15" />
    </Icon>
  );
}

export function BlockedIcon({ className }: IconProps) {
  return (
    <Icon className={className}>
      <circle cx="24" cy="24" r="19" />
      <path d="M11 11l26 26" />
    </Icon>
  );
}

export function CloseIcon({ className }: IconProps) {
  return (
    <Icon className={className}>
      <path d="M12 12l24 24M36 12L12 36" />
    </Icon>
  );
}

export function DatabaseIcon({ className }: IconProps) {
  return (
    <Icon className={className}>
      <ellipse cx="24" cy="10" rx="16" ry="5" />
      <path d="M8 10v28c0 2.8 7.2 5 16 5s16-2.2 16-5V10" />
      <path d="M8 24c0 2.8 7.2 5 16 5s16-2.2 16-5" />
    </Icon>
  );
}

export function RetryIcon({ className }: IconProps) {
  return (
    <Icon className={className}>
      <path d="M40 24a16 16 0 1 1-5-11.6" />
      <path d="M37 4v9h-9" />
    </Icon>
  );
}

/** The camera struck through: no camera, or it cannot be used. */
export function CameraOffIcon({ className }: IconProps) {
  return (
    <Icon className={className}>
      <rect x="4" y="13" width="28" height="22" rx="4" />
      <path d="M32 21l12-7v20l-12-7z" />
      <path d="M6 6l36 36" />
    </Icon>
  );
}
