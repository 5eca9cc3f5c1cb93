// The kindergarten's clock in the console (renderer/src/admin/TimeZone*.tsx) and the first-run setup's zone picker:
// English, the shape kk and ru fill. Kept apart from the main catalogs, as the Backups page's texts are (backups-en.ts).
export const timeZoneEn = {
  picker: 'Time zone',
  kazakhstan: 'Kazakhstan',
  otherZones: 'Other zones',
  /** The picker's line for a zone: its name and its offset now. */
  option: '{{name}} (UTC{{offset}})',
  zones: {
    'Asia/Almaty': 'Astana, Almaty, Shymkent and most regions',
    'Asia/Qostanay': 'Kostanay region',
    'Asia/Aqtobe': 'Aktobe region',
    'Asia/Aqtau': 'Mangystau region (Aktau)',
    'Asia/Atyrau': 'Atyrau region',
    'Asia/Oral': 'West Kazakhstan region (Oral)',
    'Asia/Qyzylorda': 'Kyzylorda region',
  },
  page: {
    title: 'The kindergarten’s clock',
    hint: 'Every day and time the kiosk records and prints — the cut-off, closing time, the табель, receipts and exports — is in this zone, not the computer’s.',
    now: 'Now in the kindergarten: {{time}} (UTC{{offset}})',
    os: 'The computer: zone {{zone}}, UTC{{offset}}',
    city: 'The computer’s clock against the city’s: {{drift}}',
    cityUnknown: 'The computer’s clock has not been compared with the city’s yet.',
    cityInStep: 'in step (within two minutes)',
    cityDrift: '{{minutes}} min off',
    save: 'Save the zone',
    saved: 'Saved: the kiosk now counts days and times in {{zone}}.',
  },
  warnings: {
    'os-clock-off': 'The computer’s clock is {{minutes}} minutes off the city’s. Arrivals may fall on the wrong side of the cut-off: set the computer’s clock.',
    'os-zone-offset-differs': 'The computer’s time zone (UTC{{os}}) is not the kindergarten’s (UTC{{zone}}). The kiosk keeps the kindergarten’s; check the zone set here and the computer’s.',
  },
};
export type TimeZoneTexts = typeof timeZoneEn;
