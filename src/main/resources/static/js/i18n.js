// Italian first, English available; the choice is remembered (localStorage). Each page registers
// its own strings, so pages never share one big dictionary.

const LANG = 'snodo.lang';
const strings = {it: {}, en: {}};

export function lang() {
  const l = localStorage.getItem(LANG);
  return l === 'en' ? 'en' : 'it';
}

export function setLang(l) {
  localStorage.setItem(LANG, l === 'en' ? 'en' : 'it');
  document.documentElement.lang = lang();
}

/** Adds strings: `register({it: {'gaps.title': 'Mappa dei bisogni'}, en: {'gaps.title': 'Gap map'}})`. */
export function register(more) {
  for (const l of Object.keys(strings)) {
    Object.assign(strings[l], more[l] || {});
  }
}

/** The string for `key` in the current language, `{name}` placeholders filled from `params`. */
export function t(key, params = {}) {
  const s = strings[lang()][key] ?? strings.it[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/**
 * Translates the static text of `root`: `data-i18n="key"` sets the text, and
 * `data-i18n-attr="placeholder:key,aria-label:key2"` sets attributes.
 */
export function translate(root = document) {
  document.documentElement.lang = lang();
  for (const e of root.querySelectorAll('[data-i18n]')) {
    e.textContent = t(e.dataset.i18n);
  }
  for (const e of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of e.dataset.i18nAttr.split(',')) {
      const [attr, key] = pair.split(':').map(s => s.trim());
      e.setAttribute(attr, t(key));
    }
  }
}
