// Demo mode's staff sign-in: PINs for the demo roster's staff (electron/core/demo/demo-roster.ts) and one staff card,
// printed in the README's demo section. Never used outside demo mode.

export const demoStaffPins: readonly { staffId: string; pin: string }[] = [
  /** Жанна Сейітова, the head (admin). */
  { staffId: 'staff-admin', pin: '2468' },
  /** Раиса Ким, the nurse. */
  { staffId: 'staff-nurse', pin: '1357' },
  /** Айгерім Омарова, on duty at the door; she also has a staff card. */
  { staffId: 'staff-duty', pin: '1234' },
];

export const demoStaffCard = { staffId: 'staff-duty', card: '0007000001', canonical: '7000001' } as const;
