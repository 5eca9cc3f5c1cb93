// The link's recent refusals on the Computers page (docs/peers.md §3 "Audit"): newest first, each a reason from one
// computer or address within an hour, with how many times — a removed computer still knocking, a stranger on the
// network, a record that did not check out. peersStatus carries them (the computers desk reads peer_refusals).
import type { StickTexts } from '../../../shared/i18n/peers/stick-en.js';
import type { PeerRefusalView } from '../../../shared/peers/peer-refusal-view.js';
import type { PeerMemberView } from '../../../shared/peers/peer-status.js';
import { whenText } from './diagnostics-format.js';
import { memberNames, refusalReasonText, refusalWhoText } from './stick-words.js';

interface Props {
  x: StickTexts;
  refusals: readonly PeerRefusalView[];
  members: readonly PeerMemberView[];
}

export function PeerRefusals({ x, refusals, members }: Props) {
  const nameOf = memberNames(members);
  return (
    <section className="computers-refusals" data-testid="computers-refusals">
      <h3>{x.refusalsTitle}</h3>
      {refusals.length === 0 ? (
        <p className="staff-hint" data-testid="computers-refusals-none">
          {x.refusalsNone}
        </p>
      ) : (
        <>
          <p>{x.refusalsIntro}</p>
          <table className="computers-refusals-table">
            <thead>
              <tr>
                <th>{x.refusalWhen}</th>
                <th>{x.refusalWho}</th>
                <th>{x.refusalWhy}</th>
              </tr>
            </thead>
            <tbody>
              {refusals.map((r) => (
                <tr key={`${r.lastMs}-${r.reason}-${r.remoteKey}`} data-testid="computers-refusal" data-reason={r.reason}>
                  <td>{whenText(r.lastMs)}</td>
                  <td className="computers-refusal-who">{refusalWhoText(r, nameOf)}</td>
                  <td>
                    {refusalReasonText(r.reason, x)} ({x.refusalTimes(r.count)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
