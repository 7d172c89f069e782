// The public page: the questionnaire in <main id="app">, its language from ?lang=, its answers in
// sessionStorage.
import { startApp } from './app.js';
import { sessionStore } from './storage.js';

const template = document.getElementById('load-error');

startApp({
  root: document.getElementById('app'),
  store: sessionStore(),
  locale: new URLSearchParams(window.location.search).get('lang'),
  ownsDocument: true,
  loadError: () => template.content.firstElementChild.cloneNode(true),
});
