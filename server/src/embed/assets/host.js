/* global document, window */
// On the host page, beside a Pantau embed iframe: sizes each iframe to the height its page reports.
// Only messages from the Pantau server that served this script, and only for the frame that sent them.
(() => {
  const script = document.currentScript;
  const pantauOrigin = script ? new URL(script.src).origin : '';
  window.addEventListener('message', (event) => {
    if (event.origin !== pantauOrigin || !event.data || event.data.type !== 'pantau:embed-size') return;
    const height = Math.round(Number(event.data.height));
    if (!Number.isFinite(height) || height < 1 || height > 20000) return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source) frame.height = String(height);
    }
  });
})();
