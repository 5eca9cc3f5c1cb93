// The admin console's Updates page (renderer/src/admin/UpdatesPage.tsx): English, the shape kk and ru fill.
// Kept out of the main catalogs for the same reason as backups-en.ts: their typed keys sit at TypeScript's limit.
export const updatesEn = {
  hint: 'The kiosk checks its update feed once a day, downloads a newer version in the background, and installs it only in the quiet hours, or when an admin says so, never during the kindergarten’s day.',
  version: 'This version: {{version}}',
  installsHere: 'Updates download and install in this app.',
  checksOnly: 'This kiosk runs in a browser: it checks updates, but they download and install only in the installed app.',
  feed: 'Update feed',
  feedHint: 'The web address of the folder that holds latest.yml (the city’s or the vendor’s). Only updates signed by the vendor are accepted.',
  feedPlaceholder: 'https://updates.example.kz/esik/',
  feedNone: 'No feed set: updates come only from a folder.',
  feedMalformed: 'That is not a web address: it starts with https:// (or http://) and has no user name, password, ? or #.',
  save: 'Save',
  clear: 'Clear',
  saved: 'Saved.',
  checkNow: 'Check now',
  checking: 'Checking…',
  lastCheck: 'Last check',
  lastCheckNone: 'Not checked yet.',
  sources: { feed: 'the feed', folder: 'a folder' },
  outcomes: {
    'up-to-date': '{{when}}, {{source}}: up to date ({{version}}).',
    available: '{{when}}, {{source}}: version {{version}} is available.',
    refused: '{{when}}, {{source}}: refused. {{reason}}',
  },
  pending: 'Version {{version}} ({{source}}): {{state}}',
  states: {
    offered: 'found, not downloaded here',
    downloading: 'downloading…',
    ready: 'downloaded and checked, ready to install',
    failed: 'refused: {{reason}}',
  },
  folder: 'Update from a folder',
  folderHint: 'A folder on a USB stick with the same files a feed serves: latest.yml (or latest-linux.yml), its .sig and the installer.',
  folderPlaceholder: '/media/usb/esik-update',
  fromFolder: 'Check and take the update',
  readingFolder: 'Checking the folder…',
  quietHours: 'Quiet hours',
  quietHoursHint: 'An update installs by itself only between these times. Never between {{from}} and {{to}}: the kindergarten’s day, from the morning reception to an hour after closing (the staff settings).',
  from: 'From',
  to: 'To',
  installNow: 'Install now',
  installing: 'Installing: the kiosk restarts in a moment.',
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type UpdatesTexts = Strings<typeof updatesEn>;
