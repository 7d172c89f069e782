// The iframe variant (docs/embedding.md): the public page, framed by a host, tells the host the
// app's event names and its content's height by postMessage, to the one origin the host named in
// ?origin=, and nothing else.

const SOURCE = 'pdp-autodiagnostic';

/**
 * The parent's origin when the page is framed and the address names a web origin in ?origin=;
 * else null (then nothing is ever posted).
 * @param {Window} view the page's window
 */
export function parentOrigin(view = window) {
  if (view.parent === view) return null;
  let origin;
  try {
    origin = new URL(new URLSearchParams(view.location.search).get('origin') ?? '').origin;
  } catch {
    return null;
  }
  // Only a real web origin: postMessage to "null" or "*" could reach anyone.
  return /^https?:\/\//.test(origin) ? origin : null;
}

/**
 * The emit function for startApp: posts {source: 'pdp-autodiagnostic', event: name} to the parent
 * window when the page is framed and the address gives the parent's origin; else does nothing.
 * @param {Window} view the page's window
 */
export function parentRelay(view = window) {
  const origin = parentOrigin(view);
  if (origin === null) return () => {};
  return (name) => view.parent.postMessage({ source: SOURCE, event: name }, origin);
}

/**
 * Framed with ?origin=, posts {source, kind: 'resize-height', value} (whole CSS pixels) each time
 * the document's height changes, so that the host sizes the frame and nothing scrolls inside it.
 * @param {Window} view the page's window
 */
export function reportHeight(view = window) {
  const origin = parentOrigin(view);
  if (origin === null || typeof view.ResizeObserver !== 'function') return;
  const root = view.document.documentElement;
  let posted = -1;
  let pending = false;
  const post = () => {
    pending = false;
    // The root's own box: its content's height, not the frame's (scrollHeight would never shrink
    // below the height the host last gave the frame).
    const value = Math.ceil(root.getBoundingClientRect().height);
    if (value === posted) return;
    posted = value;
    view.parent.postMessage({ source: SOURCE, kind: 'resize-height', value }, origin);
  };
  // Several changes in one frame (a screen replaced, fonts, a scrollbar gone): one message.
  new view.ResizeObserver(() => {
    if (pending) return;
    pending = true;
    view.requestAnimationFrame(post);
  }).observe(root);
}
