// What reading a USB stick came to, said to the head of the kindergarten (docs/peers.md §8): English, the shape kk and
// ru fill. Apart from the main catalogs, whose typed keys sit at TypeScript's limit; each sentence with numbers or
// names is a function, so each language builds its own endings. Every one says what changed: mostly nothing.

/** A moment as shown: the time alone when it is today, else the day too (dd.MM.yyyy, HH:mm). */
export interface ShownMoment {
  day: string | null;
  time: string;
}

/** New records of one computer: its name, how many, the newest one's moment. */
export interface BundleNewsLine {
  name: string;
  count: number;
  upTo: ShownMoment;
}

export interface BundleGapLine {
  name: string;
  fromSeq: number;
  toSeq: number;
}

export interface BundleTexts {
  read: (lines: BundleNewsLine[], roster: boolean) => string;
  /** Read here before, at that moment (always with its day). */
  alreadyRead: (readAt: ShownMoment) => string;
  nothingNew: (from: string, writtenAt: ShownMoment) => string;
  gap: (from: string, gaps: BundleGapLine[]) => string;
  fork: (name: string, seq: number) => string;
  /** A removed computer's records from after its removal, carried by another. */
  originRevoked: (name: string) => string;
  otherKindergarten: string;
  notForUs: (from: string) => string;
  senderUnknown: string;
  senderRevoked: (from: string) => string;
  tampered: string;
  tooLarge: string;
  notEsik: string;
  version: string;
}

const at = (m: ShownMoment): string => (m.day === null ? `at ${m.time}` : `on ${m.day} at ${m.time}`);
const records = (n: number): string => `${n} new ${n === 1 ? 'record' : 'records'}`;

export const bundleEn: BundleTexts = {
  read: (lines, roster) => {
    const news = lines.map((l) => `${records(l.count)} from “${l.name}”, the newest made ${at(l.upTo)}`).join('; ');
    if (news === '') return roster ? 'Taken in: the city’s list of children. There were no new records on the stick.' : 'Nothing new was on the stick.';
    return `Taken in: ${news}.${roster ? ' The city’s list of children was taken in too.' : ''}`;
  },
  alreadyRead: (readAt) => `This stick was already read at this computer ${at(readAt)}. Nothing changed.`,
  nothingNew: (from, writtenAt) => `Everything on this stick (written at “${from}” ${at(writtenAt)}) is already here: a newer stick was read before it. Nothing changed.`,
  gap: (from, gaps) =>
    `A stick written at “${from}” before this one has not been read here: ${gaps.map((g) => `records ${g.fromSeq}–${g.toSeq} of “${g.name}”`).join(', ')} are missing. Read that stick first, or write a new one at “${from}”. Nothing was taken in.`,
  fork: (name, seq) => `Record no. ${seq} of “${name}” on this stick differs from the one this computer holds. Nothing was taken in; tell the person who looks after the kindergarten’s computers.`,
  originRevoked: (name) => `This stick carries records “${name}” made after it was removed from the kindergarten’s computers. Nothing was taken in.`,
  otherKindergarten: 'This stick is from another kindergarten. Nothing was taken in.',
  notForUs: (from) => `This stick was written before this computer joined the kindergarten: write a new one at “${from}”. Nothing was taken in.`,
  senderUnknown: 'This stick was written by a computer that is not one of this kindergarten’s. Nothing was taken in.',
  senderRevoked: (from) => `This stick was written by “${from}”, which has been removed from the kindergarten’s computers. Nothing was taken in.`,
  tampered: 'The file on this stick was changed or damaged after it was written. Nothing was taken in; write a new stick.',
  tooLarge: 'This file is too large to be an Esik stick (over 256 MB). Nothing was taken in.',
  notEsik: 'This is not an Esik file for carrying records. Choose the file named esik-….esikpeer.',
  version: 'This stick was written by a newer version of Esik. Update Esik on this computer, then read the stick again. Nothing was taken in.',
};
