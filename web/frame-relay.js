// The iframe variant (docs/embedding.md): the public page, framed by a host, tells the host the
// app's event names by postMessage, to the one origin the host named in ?origin=, and nothing else.

/**
 * The emit function for startApp: posts {source: 'pdp-autodiagnostic', event: name} to the parent
 * window when the page is framed and the address gives the parent's origin; else does nothing.
 * @param {Window} view the page's window
 */
export function parentRelay(view = window) {
  if (view.parent === view) return () => {};
  let origin;
  try {
    origin = new URL(new URLSearchParams(view.location.search).get('origin') ?? '').origin;
  } catch {
    return () => {};
  }
  // Only a real web origin: postMessage to "null" or "*" could reach anyone.
  if (!/^https?:\/\//.test(origin)) return () => {};
  return (name) => view.parent.postMessage({ source: 'pdp-autodiagnostic', event: name }, origin);
}
