// Whether a kiosk starts as the public demo. An installed (packaged) build never does unless asked in so many words
// (--demo): its PINs are in the README, and a kindergarten must never put it into service by mistake. Running from the
// sources (npm start) keeps the demo unless --no-demo or ESIK_DEMO=0. Both shells ask this one function.
export interface DemoQuestion {
  /** Electron's app.isPackaged; the web host is always run from the sources. */
  packaged: boolean;
  /** --demo on the command line. */
  demoFlag: boolean;
  /** --no-demo on the command line. */
  noDemoFlag: boolean;
  /** ESIK_DEMO from the environment ('0' turns the demo off where it would be on). */
  env: string | undefined;
}

export function startsAsDemo(question: DemoQuestion): boolean {
  if (question.noDemoFlag) return false;
  if (question.demoFlag) return true;
  if (question.packaged) return false;
  return question.env !== '0';
}
