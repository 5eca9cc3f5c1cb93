// Russian answers to the leaving question (see leaving-en.ts); the verb is the same for a girl and a boy.
import type { LeavingTexts } from './leaving-en.js';

export const leavingRu: LeavingTexts = {
  yes: 'Да, уходит',
  no: 'Нет',
  onlyAskedHint: 'Нажмите «Да, уходит» или «Нет»',
  mixedHint: 'Нажмите на имя, чтобы не отмечать ребёнка; ответьте на вопрос и нажмите «Подтвердить»',
};
