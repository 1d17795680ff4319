// The demo page's two switches: language (Bahasa Indonesia / English) and light/dark theme.
// Both can also be set in the URL (?lang=en&theme=dark), which the screenshot tests use.
const params = new URLSearchParams(location.search);
// Every Pantau element on the page, whatever its kind: a new element needs no line here.
const widgets = () => [...document.querySelectorAll('*')].filter((element) => element.localName.startsWith('pantau-'));

function setLanguage(language) {
  document.documentElement.lang = language;
  document.getElementById('language-toggle')?.setAttribute('aria-pressed', String(language === 'en'));
}

const themeLabels = { light: { id: 'Mode gelap', en: 'Dark mode' }, dark: { id: 'Mode terang', en: 'Light mode' } };

/** Applies `theme` to the page and its widgets; the toggle names what a click will do next. */
function setTheme(theme) {
  document.documentElement.dataset.theme = theme;
  for (const widget of widgets()) widget.setAttribute('theme', theme);
  const toggle = document.getElementById('theme-toggle');
  if (!toggle) return;
  toggle.querySelector('.i18n-id').textContent = themeLabels[theme].id;
  toggle.querySelector('.i18n-en').textContent = themeLabels[theme].en;
}

// The page follows the operating system until the reader picks a theme (or the URL names one).
const systemDark = matchMedia('(prefers-color-scheme: dark)');
let chosenTheme = ['light', 'dark'].includes(params.get('theme')) ? params.get('theme') : null;
const followSystem = () => setTheme(chosenTheme ?? (systemDark.matches ? 'dark' : 'light'));
systemDark.addEventListener('change', followSystem);

setLanguage(params.get('lang') === 'en' ? 'en' : 'id');
followSystem();
document.getElementById('language-toggle')?.addEventListener('click', () => setLanguage(document.documentElement.lang === 'en' ? 'id' : 'en'));
document.getElementById('theme-toggle')?.addEventListener('click', () => {
  chosenTheme = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
  setTheme(chosenTheme);
});
