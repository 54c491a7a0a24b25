// The frame of every page: the navigation, the language switch, log out, the key check, and the
// page's state on <main data-state="loading|ready|error"> that tests and assistive tools read.

import {ApiError, caller, key, logOut} from './api.js';
import {el, fill} from './dom.js';
import {lang, register, setLang, t, translate} from './i18n.js';

register({
  it: {
    'shell.skip': 'Vai al contenuto',
    'shell.home': 'Snodo',
    'shell.explorer': 'Esplora la rete',
    'shell.gaps': 'Mappa dei bisogni',
    'shell.referrals': 'Dove inviare',
    'shell.plan': 'Tavolo di pianificazione',
    'shell.language': 'Lingua',
    'shell.logout': 'Esci',
    'shell.role': 'Chiave {role}',
    'shell.noKey': 'Serve una chiave: inseriscila nella pagina iniziale.',
    'shell.toHome': 'Vai alla pagina iniziale',
    'shell.loading': 'Caricamento…',
  },
  en: {
    'shell.skip': 'Skip to content',
    'shell.home': 'Snodo',
    'shell.explorer': 'Network explorer',
    'shell.gaps': 'Gap map',
    'shell.referrals': 'Referral finder',
    'shell.plan': 'Planning desk',
    'shell.language': 'Language',
    'shell.logout': 'Log out',
    'shell.role': '{role} key',
    'shell.noKey': 'A key is needed: enter it on the home page.',
    'shell.toHome': 'Go to the home page',
    'shell.loading': 'Loading…',
  },
});

export const PAGES = [
  {path: '/', label: 'shell.home'},
  {path: '/explorer', label: 'shell.explorer'},
  {path: '/gaps', label: 'shell.gaps'},
  {path: '/referrals', label: 'shell.referrals'},
  {path: '/plan', label: 'shell.plan'},
];

/** Shows an error in `container` (an ApiError shows its problem detail's `detail`). */
export function showError(container, error) {
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  return fill(container, el('p', {class: 'problem', role: 'alert'}, message));
}

/**
 * Runs `call` for a results `section` of a page: the section says data-state="loading" (and
 * aria-busy) meanwhile, `body` shows `loading`, then "ready", or "error" with the problem's detail
 * in `body`; the section's [role=status] element gets one short sentence for screen readers.
 */
export async function into(section, body, loading, call) {
  section.dataset.state = 'loading';
  section.setAttribute('aria-busy', 'true');
  fill(body, el('p', {class: 'note'}, loading));
  try {
    await call();
    section.dataset.state = 'ready';
  } catch (e) {
    showError(body, e);
    section.dataset.state = 'error';
  } finally {
    section.removeAttribute('aria-busy');
    const status = section.querySelector('[role=status]');
    if (status) {
      status.textContent = body.firstElementChild?.textContent ?? '';
    }
  }
}

/**
 * Starts a page: draws the frame, checks the key (unless `needsKey` is false), then awaits
 * `run(main, who)` where `who` is `{keyId, role, cooperative}` (null without a key); `main` gets
 * data-state="ready" when it resolves, "error" with the message when it fails.
 */
export async function start({needsKey = true, run}) {
  const main = document.getElementById('main');
  main.dataset.state = 'loading';
  let who = null;
  try {
    if (key()) {
      who = await caller();
    }
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      logOut();
    } else {
      frame(null);
      translate();
      fail(main, e);
      return;
    }
  }
  frame(who);
  translate();
  if (needsKey && !who) {
    fill(main, el('p', {class: 'problem', role: 'alert'}, t('shell.noKey')), ' ',
        el('a', {href: '/'}, t('shell.toHome')));
    main.dataset.state = 'error';
    return;
  }
  try {
    await run(main, who);
    main.dataset.state = 'ready';
  } catch (e) {
    fail(main, e);
  }
}

function fail(main, e) {
  console.error(e);
  const box = main.querySelector('[data-role=messages]') || main;
  showError(box, e);
  main.dataset.state = 'error';
}

function frame(who) {
  const header = document.getElementById('shell');
  const here = location.pathname.replace(/\/$/, '') || '/';
  const nav = el('nav', {'aria-label': 'Snodo'},
      el('ul', {}, PAGES.map(p => el('li', {},
          el('a', {href: p.path, 'aria-current': p.path === here ? 'page' : null}, t(p.label))))));
  const language = el('select', {id: 'language', 'aria-label': t('shell.language'),
    on: {change: e => { setLang(e.target.value); location.reload(); }}},
  el('option', {value: 'it', selected: lang() === 'it'}, 'Italiano'),
  el('option', {value: 'en', selected: lang() === 'en'}, 'English'));
  const tools = el('div', {class: 'tools'}, language,
      who ? el('span', {class: 'role', dataset: {role: who.role}}, t('shell.role', {role: who.role})) : null,
      who ? el('button', {type: 'button', id: 'logout', on: {click: () => { logOut(); location.assign('/'); }}},
          t('shell.logout')) : null);
  fill(header, el('a', {class: 'skip', href: '#main'}, t('shell.skip')), nav, tools);
}
