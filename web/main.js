// The public page: the questionnaire (web/page.js); offline after a first visit; framed by a host,
// it tells the host event names and its height.
import { parentRelay, reportHeight } from './frame-relay.js';
import { registerOfflineWorker } from './offline.js';
import { startPage } from './page.js';

startPage({ emit: parentRelay(window) });
reportHeight(window);
registerOfflineWorker();
