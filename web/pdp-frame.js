// The host's loader (docs/embedding.md, "A link that becomes a frame"): each
// <a href="…/index.html" data-pdp-autodiagnostic> of the host page becomes an iframe of that
// address, told the host's origin, that takes the height the tool posts. Without this script the
// link still leads to the tool. A classic script, no dependency, no eval, no inline style
// attribute: it runs under a strict host CSP that names the tool's origin in script-src and
// frame-src.
(() => {
  const SOURCE = 'pdp-autodiagnostic';
  // The frames made, by their window: a message is trusted only from its own frame and origin.
  const frames = new Map();

  function replace(link) {
    let address;
    try {
      address = new URL(link.href);
    } catch {
      return; // not an address: the link is left as it is
    }
    if (!/^https?:$/.test(address.protocol)) return;
    address.searchParams.set('origin', window.location.origin);
    const frame = document.createElement('iframe');
    frame.title = link.dataset.title || link.textContent.trim().replace(/\s+/g, ' ');
    frame.src = address.href;
    frame.loading = 'lazy';
    if (link.id) frame.id = link.id;
    if (link.className) frame.className = link.className;
    // CSSOM properties, not a style attribute: allowed by a style-src without 'unsafe-inline'.
    frame.style.display = 'block';
    frame.style.width = '100%';
    frame.style.border = 'none';
    link.replaceWith(frame);
    frames.set(frame.contentWindow, { frame, origin: address.origin });
  }

  window.addEventListener('message', (event) => {
    const known = frames.get(event.source);
    if (!known || event.origin !== known.origin) return;
    const data = event.data;
    if (data?.source !== SOURCE) return;
    if (data.kind === 'resize-height') {
      if (Number.isInteger(data.value) && data.value >= 0) known.frame.style.height = `${data.value}px`;
    } else if (typeof data.event === 'string' && /^[a-z]+$/.test(data.event)) {
      // The tool's event names, as the element dispatches them (pdp:ready…), carrying nothing.
      known.frame.dispatchEvent(new CustomEvent(`pdp:${data.event}`, { bubbles: true }));
    }
  });

  function start() {
    for (const link of document.querySelectorAll('a[href][data-pdp-autodiagnostic]')) replace(link);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
