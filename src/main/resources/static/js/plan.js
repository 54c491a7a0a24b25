// The planning desk: what-if (take actors or ties away → the needs that would lose their last
// answer, by municipality and category, and the new cut points) and integrated answers (a
// municipality and a bundle of needs → the smallest group of providers, and the ties to create).
// A READER or HELP_DESK key may ask neither: it sees a note and no controls at all.

import {all, api} from './api.js';
import {el, fill} from './dom.js';
import {register, t} from './i18n.js';
import {into, showError, start} from './shell.js';
import {combobox, kindLabel, loadActors, loadCategories, loadMunicipalities, number, tieLabel}
  from './pickers.js';

register({
  it: {
    'plan.title': 'Tavolo di pianificazione',
    'plan.intro': 'Per chi pianifica la rete: cosa si perderebbe se un ente o un legame venisse meno, e quale gruppo di enti, il più piccolo, può rispondere insieme a più bisogni di un comune.',
    'plan.readerNote': 'Il tavolo di pianificazione è per chi pianifica: le simulazioni e le risposte integrate richiedono una chiave PLANNER o COOPERATIVE. Con la chiave che stai usando ({role}) puoi consultare «Dove inviare» e la «Mappa dei bisogni».',
    'plan.cooperativeNote': 'Con una chiave di cooperativa, una simulazione che toglie un luogo riservato di un altro ente non è permessa, e le distanze dei luoghi riservati altrui sono arrotondate.',
    'plan.whatIfTitle': 'Cosa succede se…',
    'plan.whatIfIntro': 'Togli enti o legami: Snodo calcola, senza cambiare nulla, i bisogni che resterebbero senza risposta e i nuovi punti fragili.',
    'plan.actor': 'Togli un ente',
    'plan.actorPlaceholder': 'Nome o codice',
    'plan.tieActor': 'Togli un legame di un ente',
    'plan.removedActors': 'Enti tolti',
    'plan.removedTies': 'Legami tolti',
    'plan.putBack': 'Rimetti {name}',
    'plan.removeTie': 'Togli',
    'plan.removeTieLabel': 'Togli il legame tra {a} e {b}',
    'plan.tiesOf': 'Legami di {name}',
    'plan.noTies': '{name} non ha legami.',
    'plan.tieChip': '{a} ↔ {b}',
    'plan.whatIfRun': 'Simula',
    'plan.whatIfResults': 'Esito della simulazione',
    'plan.nothingRemoved': 'Scegli almeno un ente o un legame da togliere.',
    'plan.loading': 'Calcolo in corso…',
    'plan.people': '{n} persone perderebbero la loro ultima risposta.',
    'plan.noLoss': 'Nessun bisogno resterebbe senza risposta.',
    'plan.lostTitle': 'Copertura persa, per comune e bisogno',
    'plan.municipality': 'Comune',
    'plan.category': 'Bisogno',
    'plan.peopleCol': 'Persone',
    'plan.cutPoints': 'Nuovi punti fragili (la loro perdita spezzerebbe la rete)',
    'plan.noCutPoints': 'Nessun nuovo punto fragile.',
    'plan.integratedTitle': 'Una risposta integrata',
    'plan.integratedIntro': 'Un comune e fino a 12 bisogni: il gruppo più piccolo di enti che risponde a tutti, e i legami che mancano.',
    'plan.territory': 'Comune',
    'plan.territoryPlaceholder': 'Nome o codice ISTAT',
    'plan.addCategory': 'Aggiungi un bisogno',
    'plan.categoryPlaceholder': 'Cerca una categoria',
    'plan.bundle': 'Bisogni scelti',
    'plan.removeCategory': 'Togli {name}',
    'plan.maxKm': 'Entro km',
    'plan.integratedRun': 'Trova il gruppo',
    'plan.integratedResults': 'La risposta integrata',
    'plan.pickTerritory': 'Scegli un comune dall\'elenco.',
    'plan.pickCategories': 'Aggiungi almeno un bisogno.',
    'plan.tooMany': 'Al massimo 12 bisogni.',
    'plan.providers': '{n} enti rispondono a {covered} bisogni su {asked}.',
    'plan.noProvider': 'Nessun ente risponde a questi bisogni entro {km} km.',
    'plan.providersTitle': 'Il gruppo di enti',
    'plan.assignmentsTitle': 'Chi risponde a cosa',
    'plan.service': 'Servizio',
    'plan.provider': 'Ente',
    'plan.distance': 'Distanza',
    'plan.km': '{km} km',
    'plan.uncoveredTitle': 'Bisogni senza risposta entro la distanza',
    'plan.newTies0': 'Gli enti sono già legati tra loro nella rete: non serve nessun nuovo legame.',
    'plan.newTies': 'Servono {n} nuovi legami perché questi enti lavorino in una sola rete.',
    'plan.tiesToCreate': 'Legami da creare (uno tra ciascun gruppo e il successivo)',
    'plan.groups': 'Gruppi già legati al loro interno',
    'plan.totalKm': 'Distanza totale: {km} km.',
  },
  en: {
    'plan.title': 'Planning desk',
    'plan.intro': 'For those who plan the network: what would be lost if an actor or a tie went, and which group of providers, the smallest, can answer a bundle of needs of a municipality together.',
    'plan.readerNote': 'The planning desk is for planners: what-if simulations and integrated answers need a PLANNER or COOPERATIVE key. With the key you are using ({role}) you can use the "Referral finder" and the "Gap map".',
    'plan.cooperativeNote': 'With a cooperative\'s key, a what-if that removes another provider\'s confidential place is not allowed, and the distances of others\' confidential places are rounded.',
    'plan.whatIfTitle': 'What if…',
    'plan.whatIfIntro': 'Take actors or ties away: Snodo works out, changing nothing, the needs left with no answer and the new fragile points.',
    'plan.actor': 'Remove an actor',
    'plan.actorPlaceholder': 'Name or id',
    'plan.tieActor': 'Remove a tie of an actor',
    'plan.removedActors': 'Actors removed',
    'plan.removedTies': 'Ties removed',
    'plan.putBack': 'Put back {name}',
    'plan.removeTie': 'Remove',
    'plan.removeTieLabel': 'Remove the tie between {a} and {b}',
    'plan.tiesOf': 'Ties of {name}',
    'plan.noTies': '{name} has no ties.',
    'plan.tieChip': '{a} ↔ {b}',
    'plan.whatIfRun': 'Simulate',
    'plan.whatIfResults': 'What-if result',
    'plan.nothingRemoved': 'Pick at least one actor or tie to remove.',
    'plan.loading': 'Working it out…',
    'plan.people': '{n} people would lose their last answer.',
    'plan.noLoss': 'No need would be left without an answer.',
    'plan.lostTitle': 'Coverage lost, by municipality and need',
    'plan.municipality': 'Municipality',
    'plan.category': 'Need',
    'plan.peopleCol': 'People',
    'plan.cutPoints': 'New cut points (losing one would split the network)',
    'plan.noCutPoints': 'No new cut point.',
    'plan.integratedTitle': 'An integrated answer',
    'plan.integratedIntro': 'A municipality and up to 12 needs: the smallest group of providers that answers them all, and the ties missing.',
    'plan.territory': 'Municipality',
    'plan.territoryPlaceholder': 'Name or ISTAT code',
    'plan.addCategory': 'Add a need',
    'plan.categoryPlaceholder': 'Search a category',
    'plan.bundle': 'Needs picked',
    'plan.removeCategory': 'Remove {name}',
    'plan.maxKm': 'Within km',
    'plan.integratedRun': 'Find the group',
    'plan.integratedResults': 'The integrated answer',
    'plan.pickTerritory': 'Pick a municipality from the list.',
    'plan.pickCategories': 'Add at least one need.',
    'plan.tooMany': 'At most 12 needs.',
    'plan.providers': '{n} providers answer {covered} of {asked} needs.',
    'plan.noProvider': 'No provider answers these needs within {km} km.',
    'plan.providersTitle': 'The group of providers',
    'plan.assignmentsTitle': 'Who answers what',
    'plan.service': 'Service',
    'plan.provider': 'Provider',
    'plan.distance': 'Distance',
    'plan.km': '{km} km',
    'plan.uncoveredTitle': 'Needs with no answer within the distance',
    'plan.newTies0': 'The providers are already tied in the network: no new tie is needed.',
    'plan.newTies': '{n} new ties are needed for these providers to work in one network.',
    'plan.tiesToCreate': 'Ties to create (one between each group and the next)',
    'plan.groups': 'Groups already tied within',
    'plan.totalKm': 'Total distance: {km} km.',
  },
});

const MAX_CATEGORIES = 12;

start({
  run: async (main, who) => {
    const messages = main.querySelector('[data-role=messages]');
    const desk = document.getElementById('desk');
    if (who.role !== 'PLANNER' && who.role !== 'COOPERATIVE') {
      // No control a READER or a help desk may not use (the API answers them 403): the forms leave the page.
      desk.remove();
      fill(messages, el('p', {class: 'note role-note', id: 'plan-needs-key', role: 'note'}, t('plan.readerNote', {role: who.role}), ' ',
          el('a', {href: '/referrals'}, t('shell.referrals'))));
      return;
    }
    if (who.role === 'COOPERATIVE') {
      fill(messages, el('p', {class: 'note role-note', id: 'plan-cooperative'}, t('plan.cooperativeNote')));
    }
    const [categories, municipalities, actors] = await Promise.all([loadCategories(), loadMunicipalities(),
      loadActors()]);
    const categoryName = code => categories.options.find(o => o.id === code)?.label ?? code;
    const actorName = id => actors.byId.get(id)?.name ?? id;
    whatIf(actors, municipalities, categoryName, actorName);
    integrated(municipalities, categories, categoryName, actorName, id => actors.byId.get(id)?.kind);
    desk.hidden = false;
  },
});

function chip(id, text, removeLabel, onRemove, dataset = {}) {
  return el('li', {dataset: {id, ...dataset}}, el('span', {}, text),
      el('button', {type: 'button', class: 'remove', 'aria-label': removeLabel, title: removeLabel,
        on: {click: onRemove}}, '×'));
}

function whatIf(actors, municipalities, categoryName, actorName) {
  const removed = new Set();
  const removedTies = new Map(); // "a|b" (a < b) → [a, b]
  const removedList = document.getElementById('what-if-removed');
  const tiesList = document.getElementById('what-if-removed-ties');
  const tiesOf = document.getElementById('what-if-ties-of');
  const section = document.getElementById('what-if-results');
  const body = document.getElementById('what-if-body');

  const drawRemoved = () => fill(removedList, [...removed].map(id => chip(id, actorName(id),
      t('plan.putBack', {name: actorName(id)}), () => { removed.delete(id); drawRemoved(); })));
  const drawTies = () => fill(tiesList, [...removedTies.entries()].map(([key, [a, b]]) => chip(key,
      t('plan.tieChip', {a: actorName(a), b: actorName(b)}), t('plan.putBack', {name: t('plan.tieChip',
          {a: actorName(a), b: actorName(b)})}), () => { removedTies.delete(key); drawTies(); },
      {from: a, to: b})));

  const actor = combobox({id: 'what-if-actor', label: t('plan.actor'), options: actors.options, keep: false,
    placeholder: t('plan.actorPlaceholder'),
    onPick: o => { removed.add(o.id); drawRemoved(); }});
  const tieActor = combobox({id: 'what-if-tie-actor', label: t('plan.tieActor'), options: actors.options,
    placeholder: t('plan.actorPlaceholder'), onPick: o => showTies(o.id)});
  fill(document.getElementById('what-if-actor-picker'), actor.element);
  fill(document.getElementById('what-if-tie-picker'), tieActor.element);

  async function showTies(id) {
    fill(tiesOf, el('li', {class: 'note'}, t('plan.loading')));
    try {
      const ties = await all('/api/v1/ties', {actor: id});
      const others = new Map();
      for (const tie of ties) {
        const other = tie.from === id ? tie.to : tie.from;
        others.set(other, [...(others.get(other) || []), tie.kind]);
      }
      if (!others.size) {
        fill(tiesOf, el('li', {class: 'note'}, t('plan.noTies', {name: actorName(id)})));
        return;
      }
      fill(tiesOf, [...others.entries()].sort((x, y) => actorName(x[0]).localeCompare(actorName(y[0])))
          .map(([other, kinds]) => el('li', {dataset: {id: other}},
              el('span', {}, actorName(other), ' ', el('span', {class: 'kinds'}, `(${kinds.map(tieLabel).join(', ')})`)),
              el('button', {type: 'button', class: 'secondary',
                'aria-label': t('plan.removeTieLabel', {a: actorName(id), b: actorName(other)}),
                on: {click: () => {
                  const pair = [id, other].sort();
                  removedTies.set(pair.join('|'), pair);
                  drawTies();
                }}}, t('plan.removeTie')))));
      tiesOf.setAttribute('aria-label', t('plan.tiesOf', {name: actorName(id)}));
    } catch (e) {
      fill(tiesOf, el('li', {}, el('span', {class: 'problem', role: 'alert'}, e.message)));
    }
  }

  document.getElementById('what-if-form').addEventListener('submit', event => {
    event.preventDefault();
    if (!removed.size && !removedTies.size) {
      section.dataset.state = 'error';
      showError(body, new Error(t('plan.nothingRemoved')));
      actor.input.focus();
      return;
    }
    into(section, body, t('plan.loading'), async () => {
      const answer = await api('/api/v1/what-if', {method: 'POST',
        body: {remove: [...removed], removeTies: [...removedTies.values()]}});
      const names = answer.names || {};
      fill(body,
          el('p', {class: 'big', id: 'what-if-people', dataset: {people: answer.peopleLosingTheirLastAnswer}},
              answer.lostCoverage.length ? t('plan.people', {n: answer.peopleLosingTheirLastAnswer})
                : t('plan.noLoss')),
          answer.lostCoverage.length ? [
            el('h4', {id: 'what-if-lost-title'}, t('plan.lostTitle')),
            el('table', {id: 'what-if-lost', 'aria-labelledby': 'what-if-lost-title'},
                el('thead', {}, el('tr', {},
                    el('th', {scope: 'col'}, t('plan.municipality')),
                    el('th', {scope: 'col'}, t('plan.category')),
                    el('th', {scope: 'col', class: 'num'}, t('plan.peopleCol')))),
                el('tbody', {}, answer.lostCoverage.map(l => el('tr', {dataset: {id: l.territory, category: l.category}},
                    el('td', {}, l.territoryName, ' ', el('span', {class: 'note small'}, l.territory)),
                    el('td', {}, categoryName(l.category)),
                    el('td', {class: 'num'}, String(l.people)))))),
          ] : null,
          el('h4', {}, t('plan.cutPoints')),
          answer.newArticulationPoints.length
            ? el('ul', {id: 'what-if-cut-points'}, answer.newArticulationPoints.map(id =>
                el('li', {dataset: {id}}, names[id] || actorName(id))))
            : el('p', {class: 'note', id: 'what-if-no-cut-points'}, t('plan.noCutPoints')));
    });
  });
}

function integrated(municipalities, categories, categoryName, actorName, kindOf) {
  const bundle = [];
  const list = document.getElementById('integrated-categories');
  const section = document.getElementById('integrated-results');
  const body = document.getElementById('integrated-body');
  const form = document.getElementById('integrated-form');
  const draw = () => fill(list, bundle.map(code => chip(code, categoryName(code),
      t('plan.removeCategory', {name: categoryName(code)}), () => {
        bundle.splice(bundle.indexOf(code), 1);
        draw();
      })));
  const territory = combobox({id: 'integrated-territory', label: t('plan.territory'),
    options: municipalities.options, placeholder: t('plan.territoryPlaceholder')});
  const category = combobox({id: 'integrated-category', label: t('plan.addCategory'), options: categories.options,
    keep: false, placeholder: t('plan.categoryPlaceholder'), onPick: o => {
      if (!bundle.includes(o.id) && bundle.length < MAX_CATEGORIES) {
        bundle.push(o.id);
        draw();
      }
    }});
  fill(document.getElementById('integrated-territory-picker'), territory.element);
  fill(document.getElementById('integrated-category-picker'), category.element);

  form.addEventListener('submit', event => {
    event.preventDefault();
    const m = territory.value();
    if (!m || !bundle.length) {
      section.dataset.state = 'error';
      showError(body, new Error(t(!m ? 'plan.pickTerritory' : 'plan.pickCategories')));
      (!m ? territory : category).input.focus();
      return;
    }
    const maxKm = Number(form.elements.maxKm.value || 25);
    into(section, body, t('plan.loading'), async () => {
      const answer = await api('/api/v1/integrated-answers', {method: 'POST',
        body: {territory: m, categories: [...bundle], maxKm}});
      const names = answer.names || {};
      const name = id => names[id] || actorName(id);
      const groups = answer.newTiesNeeded > 0 ? await groupsOf(answer.providers) : [answer.providers];
      fill(body,
          answer.providers.length
            ? el('p', {class: 'big', id: 'integrated-summary'}, t('plan.providers',
                {n: answer.providers.length, covered: answer.assignments.length, asked: bundle.length}))
            : el('p', {class: 'big', id: 'integrated-summary'}, t('plan.noProvider', {km: number(maxKm)})),
          answer.providers.length ? [
            el('h4', {}, t('plan.providersTitle')),
            el('ul', {id: 'integrated-providers', class: 'providers'}, answer.providers.map(id =>
                el('li', {dataset: {id}}, kindOf(id) ? el('span', {class: 'kind'}, kindLabel(kindOf(id))) : null, name(id)))),
            el('p', {id: 'integrated-new-ties', dataset: {newTies: answer.newTiesNeeded}},
                answer.newTiesNeeded === 0 ? t('plan.newTies0') : t('plan.newTies', {n: answer.newTiesNeeded})),
            groups.length > 1 ? [
              el('h4', {}, t('plan.groups')),
              el('ol', {id: 'integrated-groups'}, groups.map(g => el('li', {}, g.map(name).join(', ')))),
              el('h4', {}, t('plan.tiesToCreate')),
              el('ul', {id: 'integrated-ties-to-create'}, groups.slice(1).map((g, i) =>
                  el('li', {dataset: {from: groups[i][0], to: g[0]}},
                      t('plan.tieChip', {a: name(groups[i][0]), b: name(g[0])})))),
            ] : null,
            el('h4', {id: 'integrated-assignments-title'}, t('plan.assignmentsTitle')),
            el('table', {id: 'integrated-assignments', 'aria-labelledby': 'integrated-assignments-title'},
                el('thead', {}, el('tr', {},
                    el('th', {scope: 'col'}, t('plan.category')),
                    el('th', {scope: 'col'}, t('plan.service')),
                    el('th', {scope: 'col'}, t('plan.provider')),
                    el('th', {scope: 'col', class: 'num'}, t('plan.distance')))),
                el('tbody', {}, answer.assignments.map(a => el('tr', {dataset: {id: a.service, category: a.category,
                  provider: a.provider}},
                el('td', {}, categoryName(a.category)),
                el('td', {}, names[a.service] || a.service),
                el('td', {}, name(a.provider)),
                el('td', {class: 'num'}, t('plan.km', {km: number(a.distanceKm)})))))),
            el('p', {class: 'note'}, t('plan.totalKm', {km: number(answer.totalDistanceKm)})),
          ] : null,
          answer.uncovered.length ? [
            el('h4', {}, t('plan.uncoveredTitle')),
            el('ul', {id: 'integrated-uncovered'}, answer.uncovered.map(code =>
                el('li', {dataset: {id: code}}, categoryName(code)))),
          ] : null);
    });
  });

}

/**
 * The providers in groups already joined by ties (one call to /paths per pair still apart): a
 * group needs one new tie to the next for all of them to work in one network.
 */
async function groupsOf(providers) {
  const groups = providers.map(p => [p]);
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      const answer = await api('/api/v1/paths', {query: {from: groups[i][0], to: groups[j][0], k: 1}});
      if (answer.paths.length) {
        groups[i].push(...groups[j]);
        groups.splice(j, 1);
        j--;
      }
    }
  }
  return groups;
}
