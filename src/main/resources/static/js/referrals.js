// The referral finder, for the welfare help desk: a category of need and a municipality → the
// services to send the need to, ranked and explained as /api/v1/referrals answers them. A
// confidential place is shown as the API answers it for this key: no territory, distance rounded.
// A PLANNER or HELP_DESK key sends a household to a service from its row; every key but a
// READER follows the referrals it may see below the results (sent-referrals.js).

import {api} from './api.js';
import {el, fill} from './dom.js';
import {register, t} from './i18n.js';
import {into, showError, start} from './shell.js';
import {combobox, kindLabel, loadCategories, loadMunicipalities, number, tieLabel} from './pickers.js';
import {mayFollow, maySend, persons, sendDialog, sentList, when} from './sent-referrals.js';

register({
  it: {
    'referrals.title': 'Dove inviare',
    'referrals.intro': 'Per lo sportello di welfare: scegli il bisogno e il comune della persona, e Snodo indica i servizi a cui inviarla, dal più vicino, con i posti liberi e il percorso di relazioni che porta fino a loro.',
    'referrals.category': 'Bisogno (categoria)',
    'referrals.categoryPlaceholder': 'Cerca: casa, lavoro, anziani…',
    'referrals.municipality': 'Comune',
    'referrals.municipalityPlaceholder': 'Nome o codice ISTAT',
    'referrals.k': 'Quanti servizi',
    'referrals.maxKm': 'Entro km',
    'referrals.includeFull': 'Anche i servizi al completo',
    'referrals.search': 'Cerca i servizi',
    'referrals.results': 'Servizi a cui inviare',
    'referrals.hint': 'Scegli un bisogno e un comune, poi «Cerca i servizi».',
    'referrals.pickCategory': 'Scegli un bisogno dall\'elenco delle categorie.',
    'referrals.pickMunicipality': 'Scegli un comune dall\'elenco.',
    'referrals.loading': 'Ricerca in corso…',
    'referrals.found': '{n} servizi per «{category}» a {municipality}, entro {km} km.',
    'referrals.none': 'Nessun servizio per «{category}» entro {km} km da {municipality}. Prova ad allargare la distanza o a includere i servizi al completo.',
    'referrals.rank': 'N.',
    'referrals.service': 'Servizio',
    'referrals.provider': 'Ente che lo gestisce',
    'referrals.distance': 'Distanza',
    'referrals.freePlaces': 'Posti liberi',
    'referrals.path': 'Il percorso che lo spiega',
    'referrals.unknown': 'non noto',
    'referrals.km': '{km} km',
    'referrals.here': 'nel comune',
    'referrals.confidential': 'Luogo riservato',
    'referrals.confidentialNote': 'Luogo riservato: il suo indirizzo non viene mostrato e la distanza è arrotondata per eccesso.',
    'referrals.noTie': 'Nessun legame porta all\'ente: serve un primo contatto.',
    'referrals.hops': '{n} passaggi di relazione',
    'referrals.pathLabel': 'Percorso per {service}',
  },
  en: {
    'referrals.title': 'Referral finder',
    'referrals.intro': 'For the welfare help desk: pick the need and the person\'s municipality, and Snodo names the services to send them to, nearest first, with their free places and the path of ties that leads to each.',
    'referrals.category': 'Need (category)',
    'referrals.categoryPlaceholder': 'Search: housing, work, elderly…',
    'referrals.municipality': 'Municipality',
    'referrals.municipalityPlaceholder': 'Name or ISTAT code',
    'referrals.k': 'How many services',
    'referrals.maxKm': 'Within km',
    'referrals.includeFull': 'Include full services',
    'referrals.search': 'Find services',
    'referrals.results': 'Services to send to',
    'referrals.hint': 'Pick a need and a municipality, then "Find services".',
    'referrals.pickCategory': 'Pick a need from the list of categories.',
    'referrals.pickMunicipality': 'Pick a municipality from the list.',
    'referrals.loading': 'Searching…',
    'referrals.found': '{n} services for "{category}" in {municipality}, within {km} km.',
    'referrals.none': 'No service for "{category}" within {km} km of {municipality}. Try a larger distance, or include full services.',
    'referrals.rank': 'No.',
    'referrals.service': 'Service',
    'referrals.provider': 'Run by',
    'referrals.distance': 'Distance',
    'referrals.freePlaces': 'Free places',
    'referrals.path': 'The path that explains it',
    'referrals.unknown': 'unknown',
    'referrals.km': '{km} km',
    'referrals.here': 'in the municipality',
    'referrals.confidential': 'Confidential place',
    'referrals.confidentialNote': 'Confidential place: where it is is not shown, and its distance is rounded up.',
    'referrals.noTie': 'No tie leads to the provider: a first contact is needed.',
    'referrals.hops': '{n} tie hops',
    'referrals.pathLabel': 'Path to {service}',
  },
});

const TERRITORY_KINDS = new Set(['MUNICIPALITY', 'DISTRICT', 'PROVINCE', 'REGION']);

start({
  run: async (main, who) => {
    const [categories, municipalities] = await Promise.all([loadCategories(), loadMunicipalities()]);
    const category = combobox({id: 'category', label: t('referrals.category'), options: categories.options,
      placeholder: t('referrals.categoryPlaceholder')});
    const municipality = combobox({id: 'municipality', label: t('referrals.municipality'),
      options: municipalities.options, placeholder: t('referrals.municipalityPlaceholder')});
    fill(document.getElementById('referral-pickers'), category.element, municipality.element);

    const form = document.getElementById('referral-form');
    const results = document.getElementById('results');
    const body = document.getElementById('results-body');
    const messages = main.querySelector('[data-role=messages]');

    let sent = null;
    if (mayFollow(who)) {
      sent = sentList({who, categories, municipalities});
    } else {
      // No list and no control a READER may not use: a note says why.
      document.getElementById('sent').replaceWith(el('p', {class: 'note role-note', id: 'sent-needs-key'},
          t('sent.readerNote')));
    }
    let dialog = null;
    if (maySend(who)) {
      dialog = sendDialog({categories, municipalities, onSent: (referral, asked) => {
        fill(messages, el('p', {class: 'done', id: 'sent-ok'}, t('sent.sentOk', {
          people: persons(referral.people),
          service: asked.service.name, category: asked.categoryName, municipality: asked.municipalityName})));
        const cell = asked.opener?.closest('td');
        cell?.querySelector('.sent-note')?.remove();
        cell?.append(el('p', {class: 'note small sent-note', dataset: {id: referral.id}},
            t('sent.sentNote', {time: when(referral.sentAt)}), ' ', el('a', {href: '#sent'}, t('sent.seeIt'))));
        sent?.load();
      }});
    } else {
      document.getElementById('send-dialog').remove();
    }

    async function search() {
      fill(messages);
      const c = category.value();
      const m = municipality.value();
      if (!c || !m) {
        showError(messages, new Error(t(!c ? 'referrals.pickCategory' : 'referrals.pickMunicipality')));
        (!c ? category : municipality).input.focus();
        return;
      }
      const query = {category: c, territory: m, k: form.elements.k.value || 10,
        maxKm: form.elements.maxKm.value || 25, includeFull: form.elements.includeFull.checked};
      // The query, never the key, in the address: a help desk can keep or share the link.
      history.replaceState(null, '', `${location.pathname}?${new URLSearchParams(query)}`);
      await into(results, body, t('referrals.loading'), async () => {
        const answer = await api('/api/v1/referrals', {query});
        show(answer.referrals, {category: category.option().label, municipality: municipality.option().label,
          km: number(Number(query.maxKm))}, query);
      });
    }

    function show(referrals, params, query) {
      if (!referrals.length) {
        fill(body, el('p', {class: 'note', id: 'referrals-none'}, t('referrals.none', params)));
        return;
      }
      fill(body,
          el('p', {id: 'referrals-summary'}, t('referrals.found', {...params, n: referrals.length})),
          el('table', {id: 'referrals', class: 'referrals'},
              el('thead', {}, el('tr', {},
                  el('th', {scope: 'col', class: 'num'}, t('referrals.rank')),
                  el('th', {scope: 'col'}, t('referrals.service')),
                  el('th', {scope: 'col'}, t('referrals.provider')),
                  el('th', {scope: 'col', class: 'num'}, t('referrals.distance')),
                  el('th', {scope: 'col', class: 'num'}, t('referrals.freePlaces')),
                  el('th', {scope: 'col'}, t('referrals.path')),
                  dialog ? el('th', {scope: 'col'}, t('sent.sendCol')) : null)),
              el('tbody', {}, referrals.map((r, i) => row(r, i, query)))));
    }

    function row(r, i, query) {
      const masked = !r.path.some(s => TERRITORY_KINDS.has(s.kind));
      return el('tr', {dataset: {id: r.service.id, confidential: masked ? 'true' : null}},
          el('td', {class: 'num'}, String(i + 1)),
          el('th', {scope: 'row', class: 'service'}, el('span', {class: 'name'}, r.service.name),
              masked ? el('span', {class: 'badge confidential', title: t('referrals.confidentialNote')},
                  t('referrals.confidential')) : null),
          el('td', {dataset: {id: r.provider.id}}, r.provider.name),
          el('td', {class: 'num distance'}, r.distanceKm === 0 && !masked ? t('referrals.here')
            : t('referrals.km', {km: number(r.distanceKm)})),
          el('td', {class: 'num places'}, r.freePlaces === null || r.freePlaces === undefined
            ? el('span', {class: 'note'}, t('referrals.unknown')) : String(r.freePlaces)),
          el('td', {}, path(r, masked)),
          dialog ? el('td', {class: 'send'}, sendButton(r, query)) : null);
    }

    // The referral goes for the category and municipality of the search that listed the row.
    function sendButton(r, query) {
      return el('button', {type: 'button', class: 'secondary', dataset: {send: r.service.id},
        'aria-label': t('sent.sendLabel', {service: r.service.name}), 'aria-haspopup': 'dialog',
        on: {click: async e => {
          const opener = e.currentTarget;
          fill(messages);
          try {
            await dialog.open({service: r.service, provider: r.provider, category: query.category,
              territory: query.territory, opener});
          } catch (error) {
            showError(messages, error);
          }
        }}}, t('sent.send'));
    }

    function path(r, masked) {
      return el('div', {},
          el('ol', {class: 'path', 'aria-label': t('referrals.pathLabel', {service: r.service.name})},
              r.path.map(s => el('li', {dataset: {id: s.id, kind: s.kind}, class: `step step-${s.kind}`},
                  s.tie ? el('span', {class: 'tie', dataset: {tie: s.tie}}, tieLabel(s.tie)) : null,
                  el('span', {class: 'box'}, el('span', {class: 'kind'}, kindLabel(s.kind)), ' ',
                      el('span', {class: 'name'}, s.name))))),
          el('p', {class: 'note small'}, r.tieHops === null || r.tieHops === undefined ? t('referrals.noTie')
            : t('referrals.hops', {n: r.tieHops})),
          masked ? el('p', {class: 'note small'}, t('referrals.confidentialNote')) : null);
    }

    form.addEventListener('submit', event => {
      event.preventDefault();
      search();
    });

    // A link with a query (?category=…&territory=…) opens with its answer.
    const asked = new URLSearchParams(location.search);
    for (const [name, field] of [['k', 'k'], ['maxKm', 'maxKm']]) {
      if (asked.get(name)) {
        form.elements[field].value = asked.get(name);
      }
    }
    form.elements.includeFull.checked = asked.get('includeFull') === 'true';
    const given = [category.set(asked.get('category')), municipality.set(asked.get('territory'))];
    if (given.every(Boolean)) {
      search();
    } else {
      category.input.focus();
    }
  },
});
