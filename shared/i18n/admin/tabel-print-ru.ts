// The printed табель's texts in Russian (the shape is tabel-print-en.ts): "декабрь 2026", "3 декабря 2026 г.".
import type { TabelPrintTexts } from './tabel-print-en.js';

export const tabelPrintRu: TabelPrintTexts = {
  monthTitle: '{{month}} {{year}}',
  date: '{{day}} {{month}} {{year}} г.',
  months: {
    m01: 'январь',
    m02: 'февраль',
    m03: 'март',
    m04: 'апрель',
    m05: 'май',
    m06: 'июнь',
    m07: 'июль',
    m08: 'август',
    m09: 'сентябрь',
    m10: 'октябрь',
    m11: 'ноябрь',
    m12: 'декабрь',
  },
  monthsOfDate: {
    m01: 'января',
    m02: 'февраля',
    m03: 'марта',
    m04: 'апреля',
    m05: 'мая',
    m06: 'июня',
    m07: 'июля',
    m08: 'августа',
    m09: 'сентября',
    m10: 'октября',
    m11: 'ноября',
    m12: 'декабря',
  },
  teacher: 'Воспитатель группы',
  allGroups: 'Все группы',
};
