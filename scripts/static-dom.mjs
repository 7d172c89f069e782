// The little of a document the app's views use (web/dom.js: createElement, createTextNode,
// setAttribute, append, and a few properties), so that the build can draw a screen with the app's
// own code and write it as HTML (static-opening.mjs). Not a DOM: no parsing, no selectors, no
// events (a listener is dropped: a static screen has none).

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TEXT_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ESCAPES = { '&': '&amp;', '"': '&quot;' };
const escapeText = (text) => text.replace(/[&<>]/g, (character) => TEXT_ESCAPES[character]);
const escapeAttribute = (text) => text.replace(/[&"]/g, (character) => ATTRIBUTE_ESCAPES[character]);

class StaticNode {
  parentNode = null;
}

class StaticText extends StaticNode {
  constructor(data) {
    super();
    this.data = String(data);
  }

  get outerHTML() {
    return escapeText(this.data);
  }
}

// The properties the views set rather than write as attributes, as the attributes they reflect.
const REFLECTED = { hidden: 'hidden', checked: 'checked', disabled: 'disabled' };

export class StaticElement extends StaticNode {
  constructor(tag) {
    super();
    this.localName = String(tag).toLowerCase();
    this.attributes = new Map();
    this.childNodes = [];
    for (const [property, attribute] of Object.entries(REFLECTED)) {
      Object.defineProperty(this, property, {
        get: () => this.attributes.has(attribute),
        set: (on) => (on ? this.attributes.set(attribute, '') : this.attributes.delete(attribute)),
      });
    }
  }

  get tagName() {
    return this.localName.toUpperCase();
  }

  setAttribute(name, value) {
    this.attributes.set(String(name).toLowerCase(), String(value));
  }

  getAttribute(name) {
    return this.attributes.get(String(name).toLowerCase()) ?? null;
  }

  hasAttribute(name) {
    return this.attributes.has(String(name).toLowerCase());
  }

  removeAttribute(name) {
    this.attributes.delete(String(name).toLowerCase());
  }

  append(...nodes) {
    for (const node of nodes) {
      const child = node instanceof StaticNode ? node : new StaticText(node);
      child.parentNode?.removeChild(child);
      child.parentNode = this;
      this.childNodes.push(child);
    }
  }

  removeChild(child) {
    this.childNodes = this.childNodes.filter((node) => node !== child);
    child.parentNode = null;
    return child;
  }

  replaceWith(...nodes) {
    const at = this.parentNode.childNodes.indexOf(this);
    const parent = this.parentNode;
    parent.removeChild(this);
    const tail = parent.childNodes.splice(at);
    parent.append(...nodes, ...tail);
  }

  remove() {
    this.parentNode?.removeChild(this);
  }

  set textContent(text) {
    this.childNodes = [];
    if (text !== '') this.append(String(text));
  }

  get textContent() {
    return this.childNodes.map((node) => (node instanceof StaticText ? node.data : node.textContent)).join('');
  }

  get children() {
    return this.childNodes.filter((node) => node instanceof StaticElement);
  }

  addEventListener() {}

  /** The elements under this one, in document order, for which `test` holds. */
  findAll(test) {
    const found = [];
    for (const child of this.children) {
      if (test(child)) found.push(child);
      found.push(...child.findAll(test));
    }
    return found;
  }

  get outerHTML() {
    const attributes = [...this.attributes].map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`)).join('');
    const open = `<${this.localName}${attributes}>`;
    if (VOID.has(this.localName)) return open;
    return `${open}${this.childNodes.map((node) => node.outerHTML).join('')}</${this.localName}>`;
  }
}

/** A document that makes StaticElements; `install` makes it the global one while `draw` runs. */
export const staticDocument = {
  createElement: (tag) => new StaticElement(tag),
  createTextNode: (text) => new StaticText(text),
};

/** Runs `draw` with `document` and `Node` the static ones (the views read them as globals). */
export function withStaticDocument(draw) {
  const saved = { document: globalThis.document, Node: globalThis.Node };
  globalThis.document = staticDocument;
  globalThis.Node = StaticNode;
  try {
    return draw();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete globalThis[name];
      else globalThis[name] = value;
    }
  }
}
