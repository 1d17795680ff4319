/* global document, window, ResizeObserver */
// Inside the embed page: tells the page that framed it how tall the widget now is (the data table
// toggled, the language changed, the width reflowed), so the host script can size the iframe.
const report = () => {
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  window.parent.postMessage({ type: 'pantau:embed-size', height }, '*');
};
new ResizeObserver(report).observe(document.body);
report();
