// On the kiosk's result: the summary as a QR code a phone can scan, and the same text below it.
import { h } from '../dom.js';
import { qrSvg } from '../qr.js';

/**
 * @param {object} options
 * @param {string} options.text the summary the code holds (summary-text.js)
 * @param {(typeNumber: number, level: string) => object} options.qrcode the QR encoder
 * @param {import('../texts.js').Texts} options.t the app's texts
 * @returns {Element} a section for the result screen
 */
export function renderTakeAway({ text, qrcode, t }) {
  const toggle = t('qr_text_toggle');
  return h(
    'section',
    { class: 'result-section result-section--take-away take-away', 'data-take-away': true },
    h('h3', {}, t('qr_title')),
    h('p', { class: 'take-away-help' }, t('qr_help')),
    h('div', { class: 'qr-frame', 'data-qr': true }, qrSvg(document, qrcode, text, t('qr_label', { toggle }))),
    h(
      'details',
      { class: 'qr-details' },
      h('summary', {}, toggle),
      h('p', { class: 'qr-text', 'data-qr-text': true }, text),
    ),
  );
}
