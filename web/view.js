// The app's frame in its root: the language bar above the screens, the screen host, a polite live
// region, the footer (after the root on the public page); and how a screen is shown (its footer,
// the focus on its heading, the title, the announcement). Knows nothing of the flow: the
// controller (app.js) says what to show.
import { footerPlace, renderFooter } from './screens/footer.js';

/**
 * @param {{root: Element, ownsDocument: boolean, placeholder?: Element|null}} options the app's
 *   root (its children are replaced); ownsDocument: the public page, whose document.title the app
 *   sets; placeholder: what stays in view until the first screen (index.html's static one)
 */
export function createView({ root, ownsDocument, placeholder = null }) {
  const doc = root.ownerDocument;
  const win = doc.defaultView;
  const app = doc.createElement('div');
  app.className = 'screen-host';
  // The live region lives in the app's own root, so that it works inside a shadow root too.
  const status = doc.createElement('div');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  // The language switcher sits above the screens, so it is on every one of them.
  const languageBar = doc.createElement('div');
  languageBar.className = 'language-bar';
  // The static first screens work before the app (index.html): what the person last focused on
  // them (a choice of the first question) is focused again, by its id, on the app's screen that
  // replaces them. The browser may have dropped the focus already (moving them, or at the page's
  // load when the address names the question): then the choice checked on the question shown.
  const focusedFirst = doc.activeElement?.id && placeholder?.contains(doc.activeElement) ? doc.activeElement : null;
  let placeholderFocus = focusedFirst?.id ?? '';
  const onPlaceholderFocus = (event) => {
    placeholderFocus = event.target.id ?? '';
  };
  placeholder?.addEventListener('focusin', onPlaceholderFocus);
  const focusToKeep = () => {
    if (!placeholder?.isConnected) return '';
    if (placeholder.contains(doc.activeElement)) return doc.activeElement.id;
    return placeholderFocus || (placeholder.querySelector(':target input:checked')?.id ?? '');
  };
  // Not a blank page while the engine loads: the first screen, or the error, replaces it.
  if (placeholder) app.append(placeholder);
  root.replaceChildren(languageBar, app, status);
  if (focusedFirst && doc.activeElement !== focusedFirst) focusedFirst.focus({ preventScroll: true });
  // On the public page the footer is the page's own, after <main>: a footer landmark that a
  // screen reader reaches from any screen (RGAA 12.6). Embedded, the tool is not the page: its
  // footer stays in its root, under the screen.
  const footerHost = ownsDocument ? doc.createElement('div') : null;
  if (footerHost) {
    footerHost.className = 'app-footer-host';
    root.after(footerHost);
  }

  let shownBefore = false;
  let announceTimer = 0;
  // The footer shown and what it was drawn for: kept from one screen to the next when its links
  // and words are the same, so that a click redraws the screen alone (a new footer would be
  // styled and laid out again with it, before the next screen shows).
  let footer = null;
  let footerFor = null;

  function announce(message) {
    // Emptied first so the same words said twice are still announced.
    status.textContent = '';
    win.clearTimeout(announceTimer);
    announceTimer = win.setTimeout(() => {
      status.textContent = message;
    }, 100);
  }

  /**
   * Shows one screen. `step` names it (title, announcement); `before`: elements above it (a
   * notice); `t`: the texts of its footer.
   */
  function show(screen, { step, t, before = [] }) {
    const keptFocus = shownBefore ? '' : focusToKeep();
    // Read while the page is laid out still: scrolling a page already at its top would lay out
    // the new screen at once, and once more for the focus.
    const scrolled = ownsDocument && shownBefore && (win.scrollY !== 0 || win.scrollX !== 0);
    // The ways to the pages beside the flow, under every screen (on one of them, to the others).
    const name = screen.getAttribute('data-screen') ?? '';
    const drawnFor = { t, current: footerPlace(t, name) };
    if (footerFor?.t !== drawnFor.t || footerFor.current !== drawnFor.current) {
      footer = renderFooter(drawnFor);
      footerFor = drawnFor;
      footerHost?.replaceChildren(footer);
    }
    if (footerHost) {
      app.replaceChildren(...before, screen);
    } else if (footer.parentNode === app) {
      // Embedded, the footer is the app's last child: only what is above it changes.
      while (app.firstChild !== footer) app.firstChild.remove();
      footer.before(...before, screen);
    } else {
      app.replaceChildren(...before, screen, footer);
    }
    app.setAttribute('data-current-screen', name);
    if (ownsDocument) {
      doc.title = t('page_title', { step });
      // Not over the static first screens: the person may be reading further down.
      if (scrolled) win.scrollTo(0, 0);
    } else if (root.getBoundingClientRect().top < 0) {
      // Embedded: bring the tool's top back into view, never scroll the host otherwise.
      root.scrollIntoView({ block: 'start' });
    }
    // The first screen is the page loading, not a change: the focus stays where the browser (or,
    // embedded, the host page) has it, and no focus ring shows on a heading nobody moved to.
    if (shownBefore) screen.querySelector('[data-focus]')?.focus({ preventScroll: !ownsDocument });
    else if (keptFocus && (!doc.activeElement || doc.activeElement === doc.body)) {
      screen.querySelector(`[id="${keptFocus}"]`)?.focus({ preventScroll: true });
    }
    placeholder?.removeEventListener('focusin', onPlaceholderFocus);
    shownBefore = true;
    announce(step);
  }

  // A screen laid out where nobody sees it, then dropped: the browser's first layout of a kind of
  // screen (its fonts at their sizes, its form controls) is several times slower than the next,
  // so the one a click will likely show next is laid out once while the person reads.
  function layOutUnseen(screen) {
    const holder = doc.createElement('div');
    holder.className = 'screen-unseen';
    holder.append(screen);
    app.append(holder);
    holder.getBoundingClientRect();
    holder.remove();
  }

  // The error when the engine or the rules cannot load: there are no ui texts then, so its words
  // come from the host of the app (a <template> in index.html, or the element's own).
  function showLoadError(screen, code) {
    footerFor = null;  // the footer goes with the screen it was under
    if (!screen) {
      app.replaceChildren();
      footerHost?.replaceChildren();
      return;
    }
    footerHost?.replaceChildren();
    const codeSlot = screen.querySelector('[data-error-code]');
    if (codeSlot) codeSlot.textContent = code || 'engine.load_failed';
    app.replaceChildren(screen);
    app.setAttribute('data-current-screen', 'error');
    if (ownsDocument) doc.title = screen.querySelector('[data-focus]')?.textContent ?? doc.title;
    screen.querySelector('[data-focus]')?.focus({ preventScroll: !ownsDocument });
  }

  return {
    app,
    /** The footer's place after the root on the public page, else null (it is in `app`). */
    footer: footerHost,
    /** Whether `node` is one of the app's: a screen, or the footer under it. */
    contains: (node) => app.contains(node) || Boolean(footerHost?.contains(node)),
    languageBar,
    show,
    layOutUnseen,
    showLoadError,
    announce,
    /** The screen shown (its data-screen). */
    get screen() {
      return app.getAttribute('data-current-screen') ?? '';
    },
    destroy() {
      win.clearTimeout(announceTimer);
      root.replaceChildren();
      footerHost?.remove();
    },
  };
}
