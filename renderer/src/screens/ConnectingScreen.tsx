// Before the first status arrives: no text yet (the language is the core's setting), just the card sign.
import { CardIcon } from '../components/icons.js';

export function ConnectingScreen() {
  return (
    <main className="screen connecting-screen" data-testid="connecting-screen" aria-busy="true">
      <CardIcon className="idle-icon" />
    </main>
  );
}
