// The home page: what Snodo is, its pages, and the key form. The key stays in this tab's
// sessionStorage: never in a URL or a cookie.

import {ApiError, caller, logOut, setKey} from './api.js';
import {el, fill} from './dom.js';
import {register, t} from './i18n.js';
import {showError, start} from './shell.js';

register({
  it: {
    'home.title': 'Snodo',
    'home.intro': 'La mappa della rete del welfare dell\'Alto Milanese: cooperative, servizi, partner, territori e bisogni dei cittadini (sempre aggregati, mai persone). Snodo dice dove inviare un bisogno, cosa manca e dove, e chi dovrebbe lavorare insieme.',
    'home.keyTitle': 'La tua chiave',
    'home.keyLabel': 'Chiave di accesso',
    'home.enter': 'Entra',
    'home.in': 'Sei entrato con una chiave {role}.',
    'home.pagesTitle': 'Le pagine',
    'home.explorer': 'Il grafo dei legami tra cooperative e partner: comunità, intermediari, punti fragili, percorsi di conoscenza e sinergie.',
    'home.gaps': 'I comuni sulla mappa, colorati per lo stato di una categoria, e la tabella distretti × categorie.',
    'home.referrals': 'Per lo sportello: una categoria e un comune, e i servizi a cui inviare, con il percorso che li spiega.',
    'home.plan': 'Cosa succede se un attore o un legame viene meno, e il gruppo più piccolo di enti che risponde a più bisogni.',
  },
  en: {
    'home.title': 'Snodo',
    'home.intro': 'The map of the welfare network of the Alto Milanese: cooperatives, services, partners, territories and citizens\' needs (always aggregates, never persons). Snodo says where to send a need, what is missing where, and who should work together.',
    'home.keyTitle': 'Your key',
    'home.keyLabel': 'Access key',
    'home.enter': 'Enter',
    'home.in': 'You are in with a {role} key.',
    'home.pagesTitle': 'The pages',
    'home.explorer': 'The tie graph of cooperatives and partners: communities, brokers, fragile points, introduction paths and synergies.',
    'home.gaps': 'The municipalities on a map, coloured by the state of a category, and the district × category table.',
    'home.referrals': 'For the help desk: a category and a municipality, and the services to send to, with the path that explains each.',
    'home.plan': 'What happens if an actor or a tie goes, and the smallest group of providers that answers a bundle of needs.',
  },
});

start({
  needsKey: false,
  run: async (main, who) => {
    const messages = main.querySelector('[data-role=messages]');
    if (who) {
      fill(messages, el('p', {class: 'note', dataset: {role: who.role}}, t('home.in', {role: who.role})));
    }
    fill(document.getElementById('pages'), ...[
      ['/explorer', 'shell.explorer', 'home.explorer'],
      ['/gaps', 'shell.gaps', 'home.gaps'],
      ['/referrals', 'shell.referrals', 'home.referrals'],
      ['/plan', 'shell.plan', 'home.plan'],
    ].map(([href, title, text]) => el('li', {}, el('a', {href}, t(title)), el('p', {}, t(text)))));
    document.getElementById('key-form').addEventListener('submit', async event => {
      event.preventDefault();
      const field = event.target.elements.key;
      setKey(field.value);
      try {
        await caller();
        location.reload();
      } catch (e) {
        logOut();
        showError(messages, e instanceof ApiError ? e : new Error(String(e)));
      }
    });
  },
});
