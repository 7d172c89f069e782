// Builds elements with createElement and textContent only: rule texts are never parsed as HTML.
// A text's words of another language ("[fr:…]", language-marks.js) become a <span lang>.
import { languageParts, withoutLanguageMarks } from './language-marks.js';

/**
 * h('p', {class: 'note', 'data-measure': 'crpe'}, 'text', child…) → the element.
 * Attributes with a null, undefined or false value are left out; true gives an empty attribute.
 * Children may be strings (added as text), elements, arrays of them, or null (skipped).
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    // An attribute cannot hold a <span lang>: its words are kept, the mark dropped.
    element.setAttribute(name, value === true ? '' : withoutLanguageMarks(String(value)));
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.append(child);
    else parent.append(...textNodes(String(child)));
  }
}

// The text as nodes: plain runs as text, each marked run in a <span lang> of its own.
function textNodes(text) {
  return languageParts(text).map(({ text: words, lang }) => {
    if (!lang) return document.createTextNode(words);
    const span = document.createElement('span');
    span.setAttribute('lang', lang);
    span.textContent = words;
    return span;
  });
}

/** A button; kind is "primary", "secondary" or "quiet" (a class, never an inline style). */
export function button(text, attributes = {}, kind = 'secondary') {
  const classes = ['button', `button--${kind}`, attributes.class].filter(Boolean).join(' ');
  return h('button', { type: 'button', ...attributes, class: classes }, text);
}

/** The heading a screen puts the focus on when it appears. */
export function focusHeading(level, text, attributes = {}) {
  return h(`h${level}`, { tabindex: '-1', 'data-focus': true, ...attributes }, text);
}
