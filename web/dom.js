// Builds elements with createElement and textContent only: rule texts are never parsed as HTML.

/**
 * h('p', {class: 'note', 'data-measure': 'crpe'}, 'text', child…) → the element.
 * Attributes with a null, undefined or false value are left out; true gives an empty attribute.
 * Children may be strings (added as text), elements, arrays of them, or null (skipped).
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.append(child);
    else parent.append(document.createTextNode(String(child)));
  }
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

/** Formats a list of words in the page's language ("A, B ou C", "A et B"). */
export function joinList(items, locale, type) {
  try {
    return new Intl.ListFormat(locale, { style: 'long', type }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** A day written YYYY-MM-DD, in words in the page's language ("23 novembre 2026", "1er juillet 2021"). */
export function longDate(isoDay, locale) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay ?? '');
  if (!match) return isoDay ?? '';
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  try {
    // English as the core's notices write it: day, month, year ("23 November 2026").
    const tag = locale === 'en' ? 'en-GB' : locale;
    const parts = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric' }).formatToParts(day);
    // French writes the first day of a month as an ordinal ("1er juillet"), as the core's own
    // texts do (first_day_of_month in the locale); Intl writes "1 juillet".
    const french = /^fr\b/i.test(String(locale));
    return parts.map((part) => (french && part.type === 'day' && part.value === '1' ? '1er' : part.value)).join('');
  } catch {
    return isoDay;
  }
}
