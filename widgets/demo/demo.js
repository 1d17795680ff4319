// The demo page's two switches: language (Bahasa Indonesia / English) and light/dark theme.
// Both can also be set in the URL (?lang=en&theme=dark), which the screenshot tests use.
const params = new URLSearchParams(location.search);
const widgets = () => document.querySelectorAll('pantau-campaign-totals, pantau-metric-chart, pantau-tppo-coverage, pantau-desa-binaan-map');

function setLanguage(language) {
  document.documentElement.lang = language;
  document.getElementById('language-toggle')?.setAttribute('aria-pressed', String(language === 'en'));
}

function setTheme(theme) {
  document.documentElement.dataset.theme = theme;
  for (const widget of widgets()) widget.setAttribute('theme', theme);
  document.getElementById('theme-toggle')?.setAttribute('aria-pressed', String(theme === 'dark'));
}

setLanguage(params.get('lang') === 'en' ? 'en' : 'id');
setTheme(params.get('theme') === 'dark' ? 'dark' : 'light');
document.getElementById('language-toggle')?.addEventListener('click', () => setLanguage(document.documentElement.lang === 'en' ? 'id' : 'en'));
document.getElementById('theme-toggle')?.addEventListener('click', () => setTheme(document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark'));
