// A fictional kindergarten for demo mode: 12 groups, 300 children, families with parents, grandparents
// (often with a card only) and nannies, siblings in different groups. Deterministic, so the README's
// demo cards always exist.
import type { Relation, Roster } from '../../../shared/domain/roster.js';
import { adultNames, groupNames, kazakhBoys, kazakhGirls, kazakhSurnames, russianBoys, russianGirls, russianSurnames } from './names.js';

/** Cards a newcomer can type on a keyboard; printed in the README. */
export const demoCards = {
  grandmotherTwoGroups: '0004512345',
  motherOneChild: '0004512346',
  fatherTwoGroups: '0004512347',
  nannyMayNotCollect: '0004512348',
  revoked: '0004512349',
} as const;

/** QR credential ids (credentials.value, kind 'qr') of the README families; demo-qr.ts mints their codes. */
export const demoQrCredentials = {
  /** Елена, one child: a printed QR card. */
  motherCard: 'cq001',
  /** Нұрлан, two children in two groups: the phone app. */
  fatherPhone: 'cq002',
  /** Гүлнар, the nanny with a phone: may bring, may not collect. */
  nannyPhone: 'cq003',
  /** Асқар: withdrawn. */
  revoked: 'cq004',
} as const;

/** Printed QR cards for this many further companions of one child each, so camera runs need not repeat one code. */
const SINGLE_CHILD_QR_CARDS = 20;

const CHILDREN_PER_GROUP = 25;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Culture = 'kazakh' | 'russian';

export function demoRoster(seed = 2026): Roster {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  const roster: Roster = {
    kindergarten: { id: 'kg-demo', name: 'Балабақша № 1 «Ақбота» (демо)', demo: true },
    groups: groupNames.map((name, i) => ({ id: `g${String(i + 1).padStart(2, '0')}`, name, sortOrder: i })),
    children: [],
    companions: [],
    links: [],
    credentials: [],
    staff: [
      { id: 'staff-admin', firstName: 'Жанна', lastName: 'Сейітова', role: 'admin' },
      { id: 'staff-nurse', firstName: 'Раиса', lastName: 'Ким', role: 'staff' },
      { id: 'staff-duty', firstName: 'Айгерім', lastName: 'Омарова', role: 'staff' },
    ],
  };
  const groupIds = roster.groups.map((g) => g.id);
  const slots = new Map(groupIds.map((id) => [id, CHILDREN_PER_GROUP]));
  let childSeq = 0;
  let companionSeq = 0;
  let cardSeq = 0;

  const surname = (culture: Culture, female: boolean): string => {
    const stem = pick(culture === 'kazakh' ? kazakhSurnames : russianSurnames);
    return female ? `${stem}а` : stem;
  };

  const addChild = (groupId: string, firstName: string, lastName: string): string => {
    const id = `ch${String(++childSeq).padStart(4, '0')}`;
    roster.children.push({ id, groupId, firstName, lastName });
    slots.set(groupId, (slots.get(groupId) ?? 0) - 1);
    return id;
  };

  const addCompanion = (firstName: string, lastName: string, relation: Relation, childIds: string[], options: { mayCollect?: boolean } = {}): string => {
    const id = `cp${String(++companionSeq).padStart(4, '0')}`;
    roster.companions.push({ id, firstName, lastName, relation });
    for (const childId of childIds) {
      roster.links.push({ companionId: id, childId, mayBring: true, mayCollect: options.mayCollect ?? true, blocked: false });
    }
    return id;
  };

  const addCard = (companionId: string, value: string, revokedAt: string | null = null): void => {
    roster.credentials.push({ id: `cr${String(++cardSeq).padStart(5, '0')}`, companionId, kind: 'rfid', value, version: 1, revokedAt });
  };

  // The families the README names, so a newcomer can try every path by typing a card number.
  const alikhan = addChild('g01', 'Әлихан', 'Жұмабаев');
  const ayaru = addChild('g05', 'Айару', 'Жұмабаева');
  addCard(addCompanion('Бибігүл', 'Жұмабаева', 'grandmother', [alikhan, ayaru]), '4512345');
  const alisa = addChild('g10', 'Алиса', 'Иванова');
  const elena = addCompanion('Елена', 'Иванова', 'mother', [alisa]);
  addCard(elena, '4512346');
  const yerasyl = addChild('g02', 'Ерасыл', 'Нұрланов');
  const inzhu = addChild('g07', 'Інжу', 'Нұрланова');
  const nurlan = addCompanion('Нұрлан', 'Сейітов', 'father', [yerasyl, inzhu]);
  addCard(nurlan, '4512347');
  const gulnar = addCompanion('Гүлнар', 'Әбдірахманова', 'nanny', [yerasyl, inzhu], { mayCollect: false });
  addCard(gulnar, '4512348');
  const askar = addCompanion('Асқар', 'Омаров', 'uncle', [alisa]);
  addCard(askar, '4512349', '2026-09-01T09:00:00.000+05:00');

  // Everyone else: families of one or two children; a sibling goes to another group.
  let nextCard = 4_600_000;
  const freeGroup = (except?: string): string | undefined => groupIds.find((id) => id !== except && (slots.get(id) ?? 0) > 0);
  for (let group = freeGroup(); group !== undefined; group = freeGroup()) {
    const culture: Culture = random() < 0.75 ? 'kazakh' : 'russian';
    const family = surname(culture, false);
    const childName = (female: boolean): string =>
      pick(culture === 'kazakh' ? (female ? kazakhGirls : kazakhBoys) : female ? russianGirls : russianBoys);
    const children: string[] = [];
    const firstFemale = random() < 0.5;
    children.push(addChild(group, childName(firstFemale), firstFemale ? `${family}а` : family));
    const siblingGroup = random() < 0.2 ? freeGroup(group) : undefined;
    if (siblingGroup) {
      const female = random() < 0.5;
      children.push(addChild(siblingGroup, childName(female), female ? `${family}а` : family));
    }

    const names = adultNames[culture];
    addCard(addCompanion(pick(names.mother), `${family}а`, 'mother', children), String((nextCard += 1 + Math.floor(random() * 97))));
    if (random() < 0.6) addCard(addCompanion(pick(names.father), family, 'father', children), String((nextCard += 1 + Math.floor(random() * 97))));
    if (random() < 0.45) {
      // Grandparents: a card only, no phone.
      const grandmother = random() < 0.75;
      addCard(
        addCompanion(pick(grandmother ? names.grandmother : names.grandfather), grandmother ? `${family}а` : family, grandmother ? 'grandmother' : 'grandfather', children),
        String((nextCard += 1 + Math.floor(random() * 97))),
      );
    }
    if (random() < 0.08) addCard(addCompanion(pick(adultNames.nanny), surname(culture, true), 'nanny', children), String((nextCard += 1 + Math.floor(random() * 97))));
  }

  // QR credentials come last, so the card credentials above keep their ids. The value is the id the code carries.
  let qrSeq = 0;
  const addQr = (companionId: string, revokedAt: string | null = null): void => {
    const id = `cq${String(++qrSeq).padStart(3, '0')}`;
    roster.credentials.push({ id, companionId, kind: 'qr', value: id, version: 1, revokedAt });
  };
  addQr(elena);
  addQr(nurlan);
  addQr(gulnar);
  addQr(askar, '2026-10-01T09:00:00.000+05:00');
  const readme = new Set([elena, nurlan, gulnar, askar]);
  const linksOf = (companionId: string) => roster.links.filter((l) => l.companionId === companionId);
  roster.companions
    .filter((c) => !readme.has(c.id) && linksOf(c.id).length === 1 && linksOf(c.id).every((l) => l.mayBring && l.mayCollect))
    .slice(0, SINGLE_CHILD_QR_CARDS)
    .forEach((c) => addQr(c.id));
  return roster;
}
