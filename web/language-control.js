// The app's language control: the switcher above every screen, the language of the app's root
// (or of the public page's document), the notice when the language asked for is missing, and
// ?lang= kept in the public page's address so that a reload keeps the language.
import { h } from './dom.js';
import { addressWithLocale, chooseLocale, languageSwitcher } from './language.js';

/**
 * @param {object} options
 * @param {Element} options.bar where the switcher goes (the app's language bar)
 * @param {Element} options.root the app's root (its `lang` when embedded)
 * @param {boolean} options.ownsDocument the public page: <html lang> and the address follow
 * @param {string|null} options.wanted the language asked for (?lang= or the host's attribute)
 * @param {(id: string) => void} options.onSwitch a language picked in the switcher
 */
export function startLanguageControl({ bar, root, ownsDocument, wanted, onSwitch }) {
  const doc = root.ownerDocument;
  const asked = typeof wanted === 'string' ? wanted.trim().slice(0, 20) : '';
  let missingSaid = false;

  function onClick(event) {
    const link = event.target instanceof Element ? event.target.closest('a[data-locale]') : null;
    // A click meant for a new tab or window follows the link (?lang=xx) as usual.
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    onSwitch(link.getAttribute('data-locale'));
  }
  bar.addEventListener('click', onClick);

  return {
    /** The language to start in: the one asked for when the rules have it, else their default. */
    first: (rulesInfo) => chooseLocale(wanted, rulesInfo.locales ?? [], rulesInfo.default_locale ?? rulesInfo.locale),

    /** Shows the language `info` is in (the info of the core, with `t` its texts). */
    show(info, t) {
      const locale = info.locale;
      // Set only when it changes: a new lang restyles the whole page.
      const holder = ownsDocument ? doc.documentElement : root;
      if (holder.getAttribute('lang') !== locale) holder.setAttribute('lang', locale);
      bar.replaceChildren(...[languageSwitcher(info.locales ?? [], locale, doc.location?.href ?? '', t)].filter(Boolean));
      // A language asked for that the rules lack: the default one is shown, and the page says so
      // beside the switcher, until another language is chosen.
      const missing = asked && chooseLocale(asked, info.locales ?? [], null) === null;
      if (missing && !missingSaid) {
        bar.append(h('p', { class: 'notice notice--locale', 'data-notice': 'locale' }, t('locale_unavailable', { language: asked })));
      }
    },

    /** After a switch: the notice goes, and the public page's address says ?lang= (and `address`, if given). */
    chosen(locale, address = null) {
      missingSaid = true;
      if (!ownsDocument) return;
      const win = doc.defaultView;
      try {
        win.history.replaceState(win.history.state, '', address ?? addressWithLocale(win.location.href, locale));
      } catch {
        // An address that cannot change (some file:// pages): the language still changes.
      }
    },

    destroy: () => bar.removeEventListener('click', onClick),
  };
}
