// A child's first name, large. It carries its length, so the stylesheet can size it to fit its box on one line: a long
// Kazakh name (Ақмаржангүлсезім) at the usual size would break mid-word or push the receipt past the screen's edge.
import type { CSSProperties } from 'react';

declare module 'react' {
  interface CSSProperties {
    /** The name's length in letters, read by styles.css (.child-name). */
    '--name-chars'?: number;
  }
}

export function ChildName({ name }: { name: string }) {
  const style: CSSProperties = { '--name-chars': Array.from(name).length };
  return (
    <span className="child-name" style={style}>
      {name}
    </span>
  );
}
