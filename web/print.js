// The printed summary holds everything: the result's items closed on screen print open (the print
// CSS does the same where the browser allows it) and close again afterwards. The per-item sources
// stay closed: the summary ends with all of them listed once.

/** Watches printing for the screens in `host`; returns what stops it. */
export function openForPrint(host) {
  const win = host.ownerDocument.defaultView;
  let opened = [];
  const beforePrint = () => {
    opened = [...host.querySelectorAll('[data-screen="result"] details.item-details:not([open])')];
    for (const details of opened) details.open = true;
  };
  const afterPrint = () => {
    for (const details of opened) details.open = false;
    opened = [];
  };
  win.addEventListener('beforeprint', beforePrint);
  win.addEventListener('afterprint', afterPrint);
  return () => {
    win.removeEventListener('beforeprint', beforePrint);
    win.removeEventListener('afterprint', afterPrint);
  };
}
