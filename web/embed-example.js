// The example host page's own script: lists the names of the tool's events as they arrive (the
// events carry nothing else: docs/embedding.md).
const log = document.getElementById('event-log');

for (const name of ['ready', 'started', 'finished', 'restarted', 'error']) {
  document.addEventListener(`pdp:${name}`, (event) => {
    const item = document.createElement('li');
    item.textContent = event.type;
    log.append(item);
  });
}
