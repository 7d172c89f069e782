// The public page's second stylesheet (styles-later.css: the kiosk's and the print's styles), added
// to the document when the app first needs it, so that the first question waits for less. The
// element and standalone.html have both sheets from the start and pass no loader.

/**
 * A loader of the stylesheet at `href` for `doc`: each call gives the same promise, which settles
 * once the sheet has loaded or failed (a missing sheet leaves the page as it is, never stuck).
 * @returns {() => Promise<void>}
 */
export function laterStyles(doc, href) {
  let loading = null;
  return () => {
    loading ??= new Promise((resolve) => {
      const link = doc.createElement('link');
      link.rel = 'stylesheet';
      link.href = String(href);
      link.addEventListener('load', () => resolve(), { once: true });
      link.addEventListener('error', () => resolve(), { once: true });
      doc.head.append(link);
    });
    return loading;
  };
}
