// The Computers page's USB stick panel and its list of refused connections (docs/peers.md §3 "Audit", §5, §8):
// English, the shape kk and ru fill. Apart from the main catalogs, whose typed keys sit at TypeScript's limit; what
// reading a stick came to is bundle-*'s. Each sentence with a number is a function, so each language builds its own
// endings. Said to admins: plain, not a manual.

/** The reasons the peer link writes into peer_refusals (handshake.ts PEER_CLOSE, record-verify.ts RefusalCode). */
export const PEER_REFUSAL_REASONS = ['PEER_VERSION', 'PEER_BAD_FRAME', 'PEER_OTHER_GROUP', 'PEER_UNKNOWN', 'PEER_REVOKED', 'PEER_BAD_SIGNATURE', 'PEER_BAD_RECORD', 'PEER_FORK'] as const;
export type PeerRefusalReason = (typeof PEER_REFUSAL_REASONS)[number];

export interface StickTexts {
  title: string;
  intro: string;
  writeTitle: string;
  writeFor: string;
  /** The select's first choice: every computer of the kindergarten but this one. */
  writeForAll: string;
  writeButton: string;
  writing: string;
  /** The file written into the exports folder: its name, how many records, for how many computers. */
  written: (fileName: string, records: number, computers: number) => string;
  readTitle: string;
  readHint: string;
  readChoose: string;
  sending: (percent: number) => string;
  reading: string;
  /** After the outcome's sentence when records were taken in: written now, and waiting for records they name. */
  taken: (applied: number, waiting: number) => string;
  relayTitle: string;
  relayIntro: string;
  relayDoor: string;
  relayServer: string;
  relayCode: string;
  relayButton: string;
  relayDone: (door: string, queued: number) => string;
  /** No door among the computers: nothing to enroll. */
  relayNoDoor: string;
  refusalsTitle: string;
  refusalsIntro: string;
  refusalsNone: string;
  refusalWhen: string;
  refusalWho: string;
  refusalWhy: string;
  /** How many times within the hour the row counts. */
  refusalTimes: (count: number) => string;
  reasons: Record<PeerRefusalReason, string>;
  /** A reason this version does not know (written by a newer one). */
  reasonOther: string;
}

const records = (n: number): string => `${n} ${n === 1 ? 'record' : 'records'}`;

export const stickEn: StickTexts = {
  title: 'USB stick',
  intro: 'When the computers cannot reach each other over the network, carry the records on a USB stick: write a file here, copy it onto a stick, and read it on the other computer.',
  writeTitle: 'Write a stick',
  writeFor: 'For',
  writeForAll: 'Every other computer',
  writeButton: 'Write the file',
  writing: 'Writing the file…',
  written: (fileName, n, computers) => `The file ${fileName} is written: ${records(n)} for ${computers === 1 ? 'one computer' : `${computers} computers`}. Copy it onto a USB stick.`,
  readTitle: 'Read a stick',
  readHint: 'Choose the file named esik-….esikpeer on the stick. Nothing is taken in until the whole file has been checked.',
  readChoose: 'Choose the file',
  sending: (percent) => `Sending the file: ${percent}%`,
  reading: 'Checking and reading the file…',
  taken: (applied, waiting) => (waiting === 0 ? `${records(applied)} taken in.` : `${records(applied)} taken in; ${records(waiting)} ${waiting === 1 ? 'waits' : 'wait'} for records that have not come yet.`),
  relayTitle: 'Carry a door to the city',
  relayIntro: 'A door without internet of its own can send its records to the city through this computer. Type the city server’s address and the enrollment code the city issued for that door.',
  relayDoor: 'Door',
  relayServer: 'City server address',
  relayCode: 'Enrollment code',
  relayButton: 'Enroll the door',
  relayDone: (door, queued) => `“${door}” is enrolled: its records now go to the city from this computer. ${queued === 0 ? 'None are waiting yet.' : `${records(queued)} queued for sending.`}`,
  relayNoDoor: 'No door is among this kindergarten’s computers yet.',
  refusalsTitle: 'Refused connections',
  refusalsIntro: 'Connections and records this computer refused, newest first.',
  refusalsNone: 'None so far.',
  refusalWhen: 'When',
  refusalWho: 'From',
  refusalWhy: 'Why',
  refusalTimes: (count) => (count === 1 ? 'once' : `${count} times`),
  reasons: {
    PEER_VERSION: 'It runs a version of Esik this one cannot talk to',
    PEER_BAD_FRAME: 'It sent something that is not an Esik message',
    PEER_OTHER_GROUP: 'It belongs to another kindergarten',
    PEER_UNKNOWN: 'It is not one of this kindergarten’s computers',
    PEER_REVOKED: 'It was removed from this kindergarten’s computers',
    PEER_BAD_SIGNATURE: 'It could not prove which computer it is',
    PEER_BAD_RECORD: 'A record it sent did not check out',
    PEER_FORK: 'A record it sent differs from the one held here',
  },
  reasonOther: 'Another reason',
};
