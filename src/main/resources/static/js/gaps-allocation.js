// The gap map's allocation (docs/design.md, Allocation): can the free places absorb the people
// waiting? The map's category, a distance and a territory → POST /api/v1/allocations, shown as a
// second layer on the map (the people left unplaced in each municipality, beside its state) and as
// tables: the totals, placed and unplaced by municipality, the unplaced rows, the services used.
// Only for the keys that may ask it (PLANNER, COOPERATIVE): for the others nothing is drawn.
// Names from the network go in as text, never as markup.

import {all, api} from './api.js';
import {el, fill} from './dom.js';
import {lang, t} from './i18n.js';
import {into} from './shell.js';

const number = new Intl.NumberFormat(lang() === 'en' ? 'en-GB' : 'it-IT', {maximumFractionDigits: 3});

/** Whether a key of this role may ask for an allocation. */
export function mayAllocate(who) {
  return !!who && (who.role === 'PLANNER' || who.role === 'COOPERATIVE');
}

export class AllocationPanel {
  /** `page` is the gap map: its map, municipalities, districts, chosen category and names. */
  constructor(page, box) {
    this.page = page;
    this.box = box;
    this.layer = null;
    this.services = null;
  }

  draw() {
    const page = this.page;
    const territory = el('select', {id: 'allocation-territory', name: 'territory'},
        el('option', {value: ''}, t('gaps.alloc.wholeArea')),
        el('optgroup', {label: t('gaps.alloc.districts')},
            page.districts.map(d => el('option', {value: d.id}, d.name))),
        el('optgroup', {label: t('gaps.alloc.municipalities')},
            [...page.allTowns].sort((a, b) => a.name.localeCompare(b.name, lang()))
                .map(m => el('option', {value: m.id}, m.name))));
    this.categoryNote = el('p', {class: 'note', id: 'allocation-category'});
    this.form = el('form', {id: 'allocation-form', class: 'panel', novalidate: true,
      on: {submit: event => { event.preventDefault(); this.run(); }}},
    el('p', {class: 'note'}, t('gaps.alloc.intro')),
    this.categoryNote,
    el('div', {class: 'filters'},
        el('div', {},
            el('label', {for: 'allocation-territory'}, t('gaps.alloc.territory')),
            territory),
        el('div', {class: 'km'},
            el('label', {for: 'allocation-max-km'}, t('gaps.alloc.maxKm')),
            el('input', {id: 'allocation-max-km', name: 'maxKm', type: 'number', min: '0', max: '500', step: '1',
              value: '25', inputmode: 'decimal'}))),
    el('div', {}, el('button', {type: 'submit', id: 'allocation-run'}, t('gaps.alloc.run'))));
    this.status = el('p', {id: 'allocation-status', class: 'visually-hidden', role: 'status'});
    this.body = el('div', {id: 'allocation-body'});
    this.results = el('section', {id: 'allocation-results', class: 'results', 'aria-labelledby': 'allocation-results-title'},
        this.status,
        el('h3', {id: 'allocation-results-title', class: 'visually-hidden'}, t('gaps.alloc.results')),
        this.body);
    fill(this.box,
        el('h2', {id: 'allocation-title'}, t('gaps.alloc.title')),
        this.form,
        this.results);
    this.box.setAttribute('aria-labelledby', 'allocation-title');
    this.box.hidden = false;
    this.categoryChanged();
  }

  /** The map's category changed: say which one the allocation will use, and forget an answer of another. */
  categoryChanged() {
    this.categoryNote.textContent = t('gaps.alloc.forCategory', {category: this.page.name(this.page.category)});
    if (this.answered && this.answered !== this.page.category) {
      this.clear();
    }
  }

  /** A territory picked on the map, in the matrix or in the list: the allocation's territory follows. */
  territoryChosen(id) {
    const select = this.form.querySelector('#allocation-territory');
    if ([...select.options].some(o => o.value === id)) {
      select.value = id;
    }
  }

  clear() {
    this.answered = null;
    this.removeLayer();
    fill(this.body);
    delete this.results.dataset.state;
    delete this.results.dataset.category;
    this.status.textContent = '';
  }

  removeLayer() {
    if (this.layer) {
      this.layer.remove();
      this.layer = null;
    }
  }

  async run() {
    const page = this.page;
    const category = page.category;
    const maxKmText = this.form.querySelector('#allocation-max-km').value.trim();
    const territory = this.form.querySelector('#allocation-territory').value;
    this.removeLayer();
    this.answered = null;
    await into(this.results, this.body, t('gaps.alloc.loading'), async () => {
      const body = {category};
      if (maxKmText !== '') {
        // The API answers a bad distance with its problem detail, as for any other field.
        body.maxKm = Number(maxKmText);
      }
      if (territory) {
        body.territory = territory;
      }
      const [answer, needs, services] = await Promise.all([
        api('/api/v1/allocations', {method: 'POST', body}),
        all('/api/v1/needs', {category, territory: territory || undefined}),
        this.services || all('/api/v1/services'),
      ]);
      this.services = services;
      this.show(category, answer, needs, new Map(services.map(s => [s.id, s])));
      this.answered = category;
      this.results.dataset.category = category;
      this.results.dataset.territory = territory;
    });
  }

  /** Placed and unplaced people by municipality: the needs' municipalities for the placed, the API's rows for the rest. */
  byTown(answer, needs) {
    const where = new Map(needs.map(n => [n.id, n.territory]));
    const towns = new Map();
    const row = id => {
      if (!towns.has(id)) {
        towns.set(id, {placed: 0, unplaced: 0});
      }
      return towns.get(id);
    };
    for (const a of answer.assignments) {
      row(where.get(a.need) ?? '?').placed += a.people;
    }
    for (const u of answer.unplaced) {
      row(u.territory).unplaced += u.people;
    }
    return towns;
  }

  show(category, answer, needs, services) {
    const page = this.page;
    const towns = this.byTown(answer, needs);
    const townName = id => page.allTowns.find(m => m.id === id)?.name || id;
    const unplaced = answer.demand - answer.placed;
    const townRows = [...towns.entries()]
        .sort((a, b) => b[1].unplaced - a[1].unplaced || townName(a[0]).localeCompare(townName(b[0]), lang()));
    fill(this.body,
        el('p', {class: 'summary'}, answer.demand === 0
          ? t('gaps.alloc.noDemand', {category: page.name(category)})
          : t('gaps.alloc.summary', {placed: number.format(answer.placed), demand: number.format(answer.demand),
            unplaced: number.format(unplaced)})),
        el('table', {id: 'allocation-totals', class: 'report'},
            el('caption', {}, t('gaps.alloc.totals')),
            el('tbody', {}, [
              ['demand', answer.demand],
              ['placed', answer.placed],
              ['weightedPlaced', answer.weightedPlaced],
              ['peopleKm', answer.peopleKm],
            ].map(([field, value]) => el('tr', {dataset: {field}},
                el('th', {scope: 'row'}, t(`gaps.alloc.${field}`)),
                el('td', {class: 'num', dataset: {value: String(value)}}, number.format(value)))))),
        townRows.length ? el('table', {id: 'allocation-towns', class: 'report'},
            el('caption', {}, t('gaps.alloc.byTown')),
            el('thead', {}, el('tr', {},
                el('th', {scope: 'col'}, t('gaps.municipality')),
                el('th', {scope: 'col', class: 'num'}, t('gaps.alloc.placed')),
                el('th', {scope: 'col', class: 'num'}, t('gaps.alloc.unplacedCol')))),
            el('tbody', {}, townRows.map(([id, r]) => el('tr', {dataset: {id, placed: r.placed, unplaced: r.unplaced}},
                el('th', {scope: 'row'}, townName(id)),
                el('td', {class: 'num'}, number.format(r.placed)),
                el('td', {class: 'num'}, number.format(r.unplaced)))))) : null,
        answer.unplaced.length ? el('table', {id: 'allocation-unplaced', class: 'report'},
            el('caption', {}, t('gaps.alloc.unplacedTitle')),
            el('thead', {}, el('tr', {},
                el('th', {scope: 'col'}, t('gaps.municipality')),
                el('th', {scope: 'col'}, t('gaps.category')),
                el('th', {scope: 'col', class: 'num'}, t('gaps.alloc.people')))),
            el('tbody', {}, answer.unplaced.map(u => el('tr', {dataset: {id: u.territory, category: u.category, people: u.people}},
                el('th', {scope: 'row'}, townName(u.territory)),
                el('td', {}, page.name(u.category)),
                el('td', {class: 'num'}, number.format(u.people))))))
          : el('p', {class: 'note', id: 'allocation-all-placed'}, t('gaps.alloc.allPlaced')),
        answer.services.length ? el('table', {id: 'allocation-services', class: 'report'},
            el('caption', {}, t('gaps.alloc.servicesTitle')),
            el('thead', {}, el('tr', {},
                el('th', {scope: 'col'}, t('gaps.alloc.service')),
                el('th', {scope: 'col', class: 'num'}, t('gaps.alloc.freePlaces')),
                el('th', {scope: 'col', class: 'num'}, t('gaps.alloc.used')))),
            el('tbody', {}, answer.services.map(s => el('tr', {dataset: {id: s.service, freePlaces: s.freePlaces, used: s.used}},
                el('th', {scope: 'row'}, services.get(s.service)?.name || s.service),
                el('td', {class: 'num'}, number.format(s.freePlaces)),
                el('td', {class: 'num'}, number.format(s.used))))))
          : el('p', {class: 'note'}, t('gaps.alloc.noServices')),
        answer.unknownCapacity.length ? el('p', {class: 'note', id: 'allocation-unknown'},
            t('gaps.alloc.unknownCapacity', {services: answer.unknownCapacity
                .map(id => services.get(id)?.name || id).join(', ')})) : null,
        el('p', {}, el('button', {type: 'button', class: 'secondary', id: 'allocation-clear',
          on: {click: () => { this.clear(); this.form.querySelector('#allocation-run').focus(); }}},
        t('gaps.alloc.clear'))));
    this.drawLayer(towns, townName);
  }

  /** The second layer: beside each municipality's point, the people left unplaced there (✓ when all placed). */
  drawLayer(towns, townName) {
    const page = this.page;
    if (!page.map || !window.L) {
      return;
    }
    this.layer = L.layerGroup();
    for (const [id, r] of towns) {
      const town = page.towns.find(m => m.id === id);
      if (!town) {
        continue;
      }
      const marker = L.marker([town.lat, town.lon], {
        icon: L.divIcon({className: `alloc-pin ${r.unplaced > 0 ? 'unplaced' : 'placed'}`, iconSize: [28, 16],
          iconAnchor: [-9, 16], html: el('span', {'aria-hidden': 'true'}, r.unplaced > 0 ? number.format(r.unplaced) : '✓')}),
        keyboard: false,
        interactive: false,
      });
      marker.addTo(this.layer);
      marker.on('add', () => {
        const pin = marker.getElement();
        pin.dataset.id = id;
        pin.dataset.placed = r.placed;
        pin.dataset.unplaced = r.unplaced;
        pin.title = t('gaps.alloc.pinTitle', {municipality: townName(id), placed: r.placed, unplaced: r.unplaced});
      });
    }
    this.layer.addTo(page.map);
  }
}
