// The frame of a page shown beside the flow (the accessibility statement, the legal notice, the
// personal data page): the tool's name, the page's heading, its parts, and Back to the flow.
import { button, focusHeading, h } from '../dom.js';

/**
 * @param {{name: string, title: string, t: import('../texts.js').Texts}} page its data-screen
 *   name, its heading, the app's texts
 * @param {...(Element|null)} content its parts, in order
 */
export function asideScreen({ name, title, t }, ...content) {
  return h(
    'section',
    { class: `screen screen--aside screen--${name}`, 'data-screen': name },
    h('h1', { class: 'app-name' }, t('app_title')),
    focusHeading(2, title),
    content,
    h('div', { class: 'actions' }, button(t('back'), { 'data-action': 'back' }, 'primary')),
  );
}

/** One part of such a page: its heading, then what it says. */
export function part(title, ...content) {
  return h('section', { class: 'statement-part' }, h('h3', {}, title), content);
}
