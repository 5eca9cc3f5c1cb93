// Entry point: texts, the link to the kiosk core, then React.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectKiosk } from './api/kiosk.js';
import { App } from './App.js';
import { initI18n } from './i18n/i18n.js';
import { prepareSound } from './sound/sounds.js';
import { createConnectionStore } from './state/connection-store.js';
import './styles.css';

initI18n();
prepareSound();
const connection = createConnectionStore();
const api = connectKiosk(connection.set);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App api={api} connection={connection} />
  </StrictMode>,
);
