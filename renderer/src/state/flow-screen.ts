// The screens of one check-in, and which one each answer from the core leads to.
import type { CheckinReceipt, ScanOutcome } from '../../../shared/api/contract.js';
import type { ErrorCode, Result } from '../../../shared/api/result.js';

export type ChooseScan = Extract<ScanOutcome, { kind: 'choose' }>;

/** The API's codes, plus the one the UI itself knows: the link to the core went down mid-request. */
export type DisplayErrorCode = ErrorCode | 'CONNECTION_LOST';

export type FlowScreen =
  | { kind: 'idle' }
  | { kind: 'choose'; id: number; scan: ChooseScan }
  | { kind: 'done'; id: number; outcome: 'recorded' | 'repeat'; receipt: CheckinReceipt }
  | { kind: 'error'; id: number; code: DisplayErrorCode };

export const IDLE: FlowScreen = { kind: 'idle' };

export function screenForScan(result: Result<ScanOutcome>, id: number, connected: boolean): FlowScreen {
  if (!result.ok) return errorScreen(result.error.code, id, connected);
  const outcome = result.value;
  if (outcome.kind === 'choose') return { kind: 'choose', id, scan: outcome };
  return { kind: 'done', id, outcome: outcome.kind, receipt: outcome.receipt };
}

export function screenForReceipt(result: Result<CheckinReceipt>, id: number, connected: boolean): FlowScreen {
  if (!result.ok) return errorScreen(result.error.code, id, connected);
  return { kind: 'done', id, outcome: 'recorded', receipt: result.value };
}

function errorScreen(code: ErrorCode, id: number, connected: boolean): FlowScreen {
  // A request cut off by a dropped link fails as INTERNAL; saying so is more use to the person at the door.
  return { kind: 'error', id, code: connected ? code : 'CONNECTION_LOST' };
}
