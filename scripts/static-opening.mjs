// A build step (static-page.mjs): the intro and the first question of the page's opening
// (web/opening.js), drawn by the app's own views (web/render.js) at build time and written into
// index.html, so that a person can start and answer the first question before any script has
// run. Without scripts the two screens still work by HTML alone: Start is a link to the first
// question (shown by CSS while it is the address's target, styles/base.css), Back a link to the
// intro, and the question's form cannot send anything anywhere (method="dialog" outside a dialog:
// submitting it does nothing). The app takes them over when it starts (page.js, app-actions.js),
// with what was chosen. Their elements are marked data-static-screen and data-static-question,
// not data-screen and data-question: the app's screens are the ones that carry those.
import { initialState, receive, update } from '../web/flow.js';
import { openingOf } from '../web/opening.js';
import { renderState } from '../web/render.js';
import { createTexts } from '../web/texts.js';
import { StaticElement, withStaticDocument } from './static-dom.mjs';

/** The static first question's id: the address's fragment that shows it. */
export const FIRST_QUESTION_ID = 'premiere-question';

const NO_ACTIONS = { answer() {}, pick() {}, invalid() {} };

const withAttribute = (root, name, value) => root.findAll((element) => element.getAttribute(name) === value);

// A button of the app as a link (the same classes, so the same look) to `href`.
function asLink(button, href, attributes = {}) {
  const link = new StaticElement('a');
  link.setAttribute('href', href);
  link.setAttribute('class', button.getAttribute('class'));
  for (const [name, value] of Object.entries(attributes)) link.setAttribute(name, value);
  link.append(...button.childNodes);
  button.replaceWith(link);
}

// The app's data-screen and data-question become data-static-screen and data-static-question.
function markStatic(screen) {
  for (const name of ['data-screen', 'data-question'].filter((attribute) => screen.hasAttribute(attribute))) {
    screen.setAttribute(name.replace('data-', 'data-static-'), screen.getAttribute(name));
    screen.removeAttribute(name);
  }
}

/**
 * The opening's intro and first question as HTML (`{intro, question}`), drawn as the app draws
 * them on a first visit, in the rules' default language; throws when the page's rules.json (its
 * text) has no opening.
 */
export async function staticOpening(bundleText) {
  const opening = openingOf(bundleText);
  if (!opening) throw new Error('rules.json has no opening (scripts/rules-for-page.mjs): the page cannot draw its first screens');
  const t = createTexts(opening.info.ui, opening.info.locale);
  const onIntro = receive(update(initialState({ locale: t.locale }), { type: 'confirm' }).state, opening.reply);
  const onQuestion = update(onIntro, { type: 'start' }).state;
  const [intro, question] = await withStaticDocument(() => Promise.all([
    renderState(onIntro, { t, kiosk: null, on: NO_ACTIONS }),
    renderState(onQuestion, { t, kiosk: null, on: NO_ACTIONS }),
  ]));
  if (intro.screen.getAttribute('data-screen') !== 'intro' || question.screen.getAttribute('data-screen') !== 'question') {
    throw new Error('the opening does not lead from the intro to a question');
  }

  const [start] = withAttribute(intro.screen, 'data-action', 'next');
  if (!start) throw new Error('the intro has no Start button');
  asLink(start, `#${FIRST_QUESTION_ID}`, { 'data-static-start': '' });
  markStatic(intro.screen);

  question.screen.setAttribute('id', FIRST_QUESTION_ID);
  for (const form of question.screen.findAll((element) => element.localName === 'form')) form.setAttribute('method', 'dialog');
  const [back] = withAttribute(question.screen, 'data-action', 'back');
  if (!back) throw new Error('the first question has no Back button');
  asLink(back, '#');
  // Nothing to start again on the first question before the app is there.
  for (const restart of withAttribute(question.screen, 'data-action', 'restart')) restart.parentNode.remove();
  markStatic(question.screen);
  return { intro: intro.screen.outerHTML, question: question.screen.outerHTML };
}
