// A line under an act on the "This computer" page: what came of it, as a status or (refused, failed) as an alert.
import type { Note } from './this-computer-outcomes.js';

export function ThisComputerNote({ note, testId }: { note: Note; testId: string }) {
  if (!note) return null;
  return (
    <p className={note.failed ? 'staff-refusal' : 'staff-hint'} role={note.failed ? 'alert' : 'status'} data-testid={testId} data-failed={note.failed}>
      {note.text}
    </p>
  );
}
