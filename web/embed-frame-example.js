// The iframe example's host script: points the frame at the public page (its data-src) with this
// page's origin (where the page may post), lists the event names it receives from that frame only
// and gives the frame the height the page reports, so that nothing scrolls inside it.
const frame = document.getElementById('tool');
const log = document.getElementById('event-log');
const toolAddress = new URL(frame.dataset.src, document.baseURI);
toolAddress.searchParams.set('origin', window.location.origin);

window.addEventListener('message', (event) => {
  // Only the tool's frame, from the tool's origin, with the tool's message shape.
  if (event.source !== frame.contentWindow || event.origin !== toolAddress.origin) return;
  const data = event.data;
  if (data?.source !== 'pdp-autodiagnostic') return;
  if (data.kind === 'resize-height' && Number.isInteger(data.value) && data.value >= 0) {
    frame.style.height = `${data.value}px`;
  } else if (typeof data.event === 'string') {
    const item = document.createElement('li');
    item.textContent = data.event;
    log.append(item);
  }
});

frame.src = toolAddress.href;
