// The iframe example's host script: points the frame at the public page with this page's origin
// (where the page may post its event names) and lists the names it receives from that frame only.
const frame = document.getElementById('tool');
const log = document.getElementById('event-log');
const toolAddress = new URL('index.html', import.meta.url);
toolAddress.searchParams.set('lang', 'fr');
toolAddress.searchParams.set('origin', window.location.origin);

window.addEventListener('message', (event) => {
  // Only the tool's frame, from the tool's origin, with the tool's message shape.
  if (event.source !== frame.contentWindow || event.origin !== toolAddress.origin) return;
  if (event.data?.source !== 'pdp-autodiagnostic' || typeof event.data.event !== 'string') return;
  const item = document.createElement('li');
  item.textContent = event.data.event;
  log.append(item);
});

frame.src = toolAddress.href;
