// Тексты страницы «Этот компьютер» (см. kiosk-shell-en.ts).
import type { KioskShellTexts } from './kiosk-shell-en.js';

export const kioskShellRu: KioskShellTexts = {
  tab: 'Этот компьютер',
  startAtLoginTitle: 'Запуск после включения',
  startAtLogin: 'Запускать Esik при входе пользователя этого компьютера',
  startAtLoginSaved: 'Сохранено.',
  startAtLoginNotHere: 'Здесь Esik запускает сама система (в Linux — запись автозапуска, установленная пакетом): см. docs/kiosk-setup.md.',
  leaveTitle: 'Выйти из киоска',
  leaveText: 'Esik закроется, и откроется рабочий стол компьютера. При следующем входе в систему он запустится снова. Введите свой PIN для подтверждения.',
  leaveOpen: 'Выйти из киоска…',
  pin: 'Ваш PIN',
  confirm: 'Выйти из киоска',
  cancel: 'Отмена',
  leaving: 'Закрывается…',
  left: 'Esik закрывается.',
  wrongPin: 'Неверный PIN. Осталось попыток: {{left}}.',
  locked: 'Слишком много неверных PIN: заблокировано до {{until}}.',
  notHere: 'Этот киоск нельзя закрыть из консоли.',
};
