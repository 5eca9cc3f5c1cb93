// The roster from a spreadsheet, self-contained: download the workbook (empty or filled, in Kazakh or Russian), choose
// a file, see what it would add, change and remove and every problem at its sheet, row and column, choose to skip the
// rows with problems (the preview is recomputed without them), apply, see the result. The core decides everything; the
// panel sends the file in pieces (a request carries at most 64 KiB) and shows what the core answers. The call comes
// from RosterImportCallContext (RosterImportCall.ts), so the console and the first-run setup can both embed it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterCounts, RosterPreview, RosterProblem } from '../../../../shared/admin/roster-import-contract.js';
import type { Result } from '../../../../shared/api/result.js';
import { fillText } from '../../../../shared/i18n/admin/backups-catalogs.js';
import { rosterImportTexts } from '../../../../shared/i18n/admin/roster-import-catalogs.js';
import type { RosterImportTexts } from '../../../../shared/i18n/admin/roster-import-en.js';
import { deliverExport } from '../deliver-export.js';
import { sendInPieces } from '../send-in-pieces.js';
import type { AdminCall } from '../use-admin-call.js';
import { useRosterImportCall } from './RosterImportCall.js';
import './roster-import.css';

interface Props {
  onApplied?: () => void;
}

type Step =
  | { kind: 'idle' }
  | { kind: 'sending'; percent: number }
  | { kind: 'reading' }
  | { kind: 'preview'; uploadId: string; preview: RosterPreview; skip: boolean }
  | { kind: 'applying'; uploadId: string; preview: Extract<RosterPreview, { outcome: 'preview' }>; skip: boolean }
  | { kind: 'applied'; counts: RosterCounts; skippedRows: number };

const KINDS = ['groups', 'children', 'companions', 'cards', 'links'] as const;

export function RosterImportPanel({ onApplied }: Props) {
  const { t, i18n } = useTranslation();
  const x = rosterImportTexts(i18n.language);
  const call = useRosterImportCall();
  const [allowed, setAllowed] = useState<boolean | null>(null);
  const [maxBytes, setMaxBytes] = useState(4 * 1024 * 1024);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);

  useEffect(() => {
    let live = true;
    void call('adminRosterImportInfo', {}).then((info) => {
      if (!live || !info.ok) return;
      setAllowed(info.value.allowed);
      setMaxBytes(info.value.maxBytes);
    });
    return () => {
      live = false;
    };
  }, [call]);

  const failed = (result: Result<unknown>) => {
    if (!result.ok) setMessage({ text: t(`errors.${result.error.code}`), failed: true });
  };

  const download = async (language: 'kk' | 'ru', filled: boolean) => {
    setMessage(null);
    const written = await call('adminRosterSpreadsheet', { language, filled });
    if (!written.ok) return failed(written);
    setMessage(await deliverExport(call, written.value, t, i18n.language));
  };

  const choose = async (file: File) => {
    setMessage(null);
    // The size is known before a byte is read: a file far too large never leaves the browser.
    if (file.size > maxBytes) {
      setStep({ kind: 'preview', uploadId: '', preview: { outcome: 'refused', refusal: 'too-large', sheet: null, column: null, limit: maxBytes }, skip: false });
      return;
    }
    setStep({ kind: 'sending', percent: 0 });
    const uploadId = await send(call, file, (percent) => setStep({ kind: 'sending', percent }));
    if (!uploadId.ok) {
      setStep({ kind: 'idle' });
      return failed(uploadId);
    }
    setStep({ kind: 'reading' });
    await showPreview(uploadId.value, false);
  };

  const showPreview = async (uploadId: string, skip: boolean) => {
    const preview = await call('adminRosterImportPreview', { uploadId, skipProblemRows: skip });
    if (!preview.ok) {
      setStep({ kind: 'idle' });
      return failed(preview);
    }
    setStep({ kind: 'preview', uploadId, preview: preview.value, skip });
  };

  const apply = async (uploadId: string, preview: Extract<RosterPreview, { outcome: 'preview' }>, skip: boolean) => {
    setMessage(null);
    setStep({ kind: 'applying', uploadId, preview, skip });
    const applied = await call('adminRosterImportApply', { uploadId, skipProblemRows: skip, expected: preview.counts });
    if (!applied.ok) {
      failed(applied);
      // The roster may have moved meanwhile: show what the file would do now.
      await showPreview(uploadId, skip);
      return;
    }
    if (applied.value.outcome === 'refused') {
      setMessage({ text: x.applyRefused[applied.value.reason], failed: true });
      await showPreview(uploadId, skip);
      return;
    }
    setStep({ kind: 'applied', counts: applied.value.counts, skippedRows: applied.value.skippedRows });
    onApplied?.();
  };

  return (
    <section className="roster-import" data-testid="roster-import">
      <h2>{x.title}</h2>
      {allowed === false ? (
        <p className="roster-import-city" data-testid="roster-import-city">
          {x.cityManaged}
        </p>
      ) : (
        <p>{x.intro}</p>
      )}
      <div className="roster-import-downloads">
        {(['kk', 'ru'] as const).map((language) => (
          <span key={language}>
            <button type="button" data-testid={`roster-template-${language}`} onClick={() => void download(language, false)}>
              {fillText(x.downloadTemplate, { language: x.languages[language] })}
            </button>
            <button type="button" data-testid={`roster-filled-${language}`} onClick={() => void download(language, true)}>
              {fillText(x.downloadFilled, { language: x.languages[language] })}
            </button>
          </span>
        ))}
      </div>
      {allowed === true && (step.kind === 'idle' || step.kind === 'preview' || step.kind === 'applied') && (
        <label className="roster-import-choose">
          {step.kind === 'applied' ? x.another : x.choose}
          <input
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="roster-import-file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void choose(file);
            }}
          />
        </label>
      )}
      {step.kind === 'sending' && <p data-testid="roster-import-busy">{fillText(x.sending, { percent: step.percent })}</p>}
      {step.kind === 'reading' && <p data-testid="roster-import-busy">{x.reading}</p>}
      {(step.kind === 'preview' || step.kind === 'applying') && step.preview.outcome === 'refused' && (
        <p className="roster-import-refused" role="alert" data-testid="roster-import-refused" data-refusal={step.preview.refusal}>
          {fillText(x.refused[step.preview.refusal], {
            sheet: step.preview.sheet ?? '',
            column: step.preview.column ?? '',
            limit: step.preview.refusal === 'too-large' ? Math.round((step.preview.limit ?? maxBytes) / 1024 / 1024) : (step.preview.limit ?? 0),
          })}
        </p>
      )}
      {(step.kind === 'preview' || step.kind === 'applying') && step.preview.outcome === 'preview' && (
        <PreviewView
          x={x}
          preview={step.preview}
          busy={step.kind === 'applying'}
          onSkip={(skip) => void showPreview(step.uploadId, skip)}
          onApply={() => {
            if (step.preview.outcome === 'preview') void apply(step.uploadId, step.preview, step.skip);
          }}
        />
      )}
      {step.kind === 'applied' && (
        <div className="roster-import-done" data-testid="roster-import-applied">
          <p>{x.applied}</p>
          <CountsTable x={x} counts={step.counts} />
        </div>
      )}
      {message && (
        <p className={message.failed ? 'roster-import-failed' : 'roster-import-note'} role={message.failed ? 'alert' : 'status'} data-testid="roster-import-message">
          {message.text}
        </p>
      )}
    </section>
  );
}

function PreviewView(props: {
  x: RosterImportTexts;
  preview: Extract<RosterPreview, { outcome: 'preview' }>;
  busy: boolean;
  onSkip: (skip: boolean) => void;
  onApply: () => void;
}) {
  const { x, preview, busy } = props;
  const hasProblems = preview.problemCount > 0;
  return (
    <div className="roster-import-preview" data-testid="roster-import-preview" data-can-apply={preview.canApply}>
      <h3>{fillText(x.previewTitle, { file: preview.fileName })}</h3>
      {preview.unchanged ? <p data-testid="roster-import-unchanged">{x.unchanged}</p> : <CountsTable x={x} counts={preview.counts} />}
      {preview.counts.children.removed > 0 && <p>{x.removedNote}</p>}
      {hasProblems && (
        <>
          <h4>{preview.skipping ? fillText(x.skippedTitle, { rows: preview.skippedRows }) : fillText(x.problemsTitle, { count: preview.problemCount })}</h4>
          <ul className="roster-import-problems" data-testid="roster-import-problems">
            {preview.problems.map((p, i) => (
              <li key={i} data-testid="roster-import-problem" data-kind={p.kind}>
                <span className="roster-import-where">{whereText(x, p)}</span>: {fillText(x.problems[p.kind], { value: p.value ?? '', other: p.otherRow ?? '' })}
              </li>
            ))}
          </ul>
          {preview.problemCount > preview.problems.length && <p>{fillText(x.moreProblems, { count: preview.problemCount - preview.problems.length })}</p>}
        </>
      )}
      {(hasProblems || preview.skipping) && (
        <label className="roster-import-skip">
          <input type="checkbox" checked={preview.skipping} disabled={busy} data-testid="roster-import-skip" onChange={(e) => props.onSkip(e.target.checked)} />
          {x.skip}
        </label>
      )}
      <button type="button" className="roster-import-apply" data-testid="roster-import-apply" disabled={busy || !preview.canApply || preview.unchanged} onClick={props.onApply}>
        {busy ? x.applying : x.apply}
      </button>
    </div>
  );
}

function CountsTable({ x, counts }: { x: RosterImportTexts; counts: RosterCounts }) {
  return (
    <table className="roster-import-counts" data-testid="roster-import-counts">
      <thead>
        <tr>
          <th />
          <th>{x.added}</th>
          <th>{x.changed}</th>
          <th>{x.removed}</th>
        </tr>
      </thead>
      <tbody>
        {KINDS.map((kind) => (
          <tr key={kind} data-testid={`roster-count-${kind}`}>
            <th scope="row">{x.kinds[kind]}</th>
            <td>{counts[kind].added}</td>
            <td>{counts[kind].changed}</td>
            <td>{counts[kind].removed}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function whereText(x: RosterImportTexts, p: RosterProblem): string {
  return p.column === null ? fillText(x.atRow, { sheet: p.sheetName, row: p.row }) : fillText(x.at, { sheet: p.sheetName, row: p.row, column: p.column, header: p.header ?? '' });
}

/** The file to the core in pieces, in order (send-in-pieces.ts); answers the upload id. */
async function send(call: AdminCall, file: File, progress: (percent: number) => void): Promise<Result<string>> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return sendInPieces(
    {
      begin: (fileName, size) => call('adminRosterImportBegin', { fileName, bytes: size }),
      piece: (uploadId, offset, data) => call('adminRosterImportChunk', { uploadId, offset, data }),
    },
    file.name.slice(0, 200) || 'roster.xlsx',
    bytes,
    progress,
  );
}
