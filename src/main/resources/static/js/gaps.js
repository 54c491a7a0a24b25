// The gap map: what is missing where. The municipalities as points on a map of the area (an
// outline made from their own points, static/geo/alto-milanese.geojson: no remote tiles),
// coloured by the state of a chosen category; the district × category matrix beside it; a click
// on a cell or a municipality lists its gap rows; CSV downloads of the matrix and of a report.
// Every name from the network goes into the page as text (el/textContent), never as markup.

import {all, api} from './api.js';
import {el, fill} from './dom.js';
import {lang, t} from './i18n.js';
import {showError, start} from './shell.js';
import {AllocationPanel, mayAllocate} from './gaps-allocation.js';
import './gaps-strings.js';

/** The states, worst first, with a symbol so that no state is told by its colour alone. */
const STATES = ['UNCOVERED', 'UNDER', 'FRAGILE', 'COVERED', 'NONE'];
const SYMBOL = {UNCOVERED: '✕', UNDER: '▼', FRAGILE: '!', COVERED: '✓', NONE: '·'};

const number = new Intl.NumberFormat(lang() === 'en' ? 'en-GB' : 'it-IT');

start({
  run: async (main, who) => {
    const [districts, towns, categories, districtMatrix, townMatrix, outline] = await Promise.all([
      all('/api/v1/territories', {level: 'DISTRICT'}),
      all('/api/v1/territories', {level: 'MUNICIPALITY'}),
      all('/api/v1/categories'),
      api('/api/v1/gaps/matrix', {query: {level: 'DISTRICT'}}),
      api('/api/v1/gaps/matrix', {query: {level: 'MUNICIPALITY'}}),
      fetch('/geo/alto-milanese.geojson').then(r => (r.ok ? r.json() : {features: []})).catch(() => ({features: []})),
    ]);
    const page = new GapMap(main, {districts, towns, categories, districtMatrix, townMatrix, outline});
    page.draw();
    if (mayAllocate(who)) {
      page.allocation = new AllocationPanel(page, main.querySelector('#allocation'));
      page.allocation.draw();
    }
  },
});

/** A matrix of the API as lookups: state(territory, category) → 'UNCOVERED' … or 'NONE'. */
function lookup(matrix) {
  const row = new Map(matrix.territories.map((territory, i) => [territory.id, i]));
  const column = new Map(matrix.categories.map((code, j) => [code, j]));
  return {
    territories: matrix.territories,
    state(territory, category) {
      const i = row.get(territory);
      const j = column.get(category);
      return (i === undefined || j === undefined ? null : matrix.cells[i][j]) || 'NONE';
    },
  };
}

function stateLabel(state) {
  return t(`gaps.state.${state}`);
}

/** A badge for a state: its symbol and its word, coloured; the word says it without the colour. */
function badge(state) {
  return el('span', {class: `state state-${state}`, dataset: {state}},
      el('span', {'aria-hidden': 'true'}, SYMBOL[state]), ' ', stateLabel(state));
}

class GapMap {
  constructor(main, data) {
    this.main = main;
    this.districts = data.districts;
    this.towns = data.towns.filter(m => m.lat !== null && m.lat !== undefined && m.lon !== null && m.lon !== undefined);
    this.allTowns = data.towns;
    this.byDistrict = new Map(this.districts.map(d => [d.id, d]));
    this.districtMatrix = lookup(data.districtMatrix);
    this.townMatrix = lookup(data.townMatrix);
    this.outline = data.outline;
    this.categories = ordered(data.categories);
    this.byCode = new Map(this.categories.map(c => [c.code, c]));
    this.category = this.initialCategory();
    this.detail = main.querySelector('#detail-body');
    this.detailTitle = main.querySelector('#detail-title');
  }

  draw() {
    this.drawLegend();
    this.drawCategories();
    this.drawMatrix();
    this.drawMap();
    this.drawTowns();
    this.main.querySelector('#show-empty').addEventListener('change', () => this.drawMatrix());
    for (const button of this.main.querySelectorAll('[data-level]')) {
      button.addEventListener('click', () => this.download(
          () => api('/api/v1/gaps/matrix', {query: {level: button.dataset.level}, accept: 'text/csv'}),
          `gaps-${button.dataset.level}.csv`));
    }
  }

  // ------------------------------------------------------------------ categories

  name(code) {
    const c = this.byCode.get(code);
    if (!c) {
      return code;
    }
    return (lang() === 'en' && c.nameEn) || c.name;
  }

  /** A narrower category's name without its parent's, when it starts with it ("Dipendenze – Prevenzione"). */
  shortName(code) {
    const c = this.byCode.get(code);
    const full = this.name(code);
    if (c && c.partOf) {
      const parent = this.name(c.partOf);
      for (const separator of [' – ', ' - ', ': ']) {
        if (full.startsWith(parent + separator)) {
          return full.slice(parent.length + separator.length);
        }
      }
    }
    return full;
  }

  /** The category of the address (?category=), or the one left uncovered in the most municipalities. */
  initialCategory() {
    const asked = new URLSearchParams(location.search).get('category');
    if (asked && this.byCode.has(asked)) {
      return asked;
    }
    let best = null;
    let bestCount = -1;
    for (const c of this.categories) {
      const count = this.towns.filter(m => this.townMatrix.state(m.id, c.code) === 'UNCOVERED').length;
      if (count > bestCount) {
        best = c.code;
        bestCount = count;
      }
    }
    return best;
  }

  drawCategories() {
    const select = this.main.querySelector('#category');
    const groups = [];
    for (const c of this.categories) {
      if (c.depth === 0) {
        groups.push(el('optgroup', {label: this.name(c.code)},
            el('option', {value: c.code}, t('gaps.wholeArea', {name: this.name(c.code)}))));
      } else {
        groups[groups.length - 1].append(el('option', {value: c.code}, this.shortName(c.code)));
      }
    }
    fill(select, groups);
    select.value = this.category;
    select.addEventListener('change', () => this.choose(select.value));
  }

  /** Colours the map and the list of municipalities by `code`, and says so in the address. */
  choose(code) {
    this.category = code;
    this.main.querySelector('#category').value = code;
    const url = new URL(location.href);
    url.searchParams.set('category', code);
    history.replaceState(null, '', url);
    this.paintMap();
    this.drawTowns();
    this.allocation?.categoryChanged();
  }

  // ------------------------------------------------------------------ legend

  drawLegend() {
    fill(this.main.querySelector('#legend'), STATES.map(state => el('li', {},
        el('span', {class: `pin state-${state}`, 'aria-hidden': 'true'}, SYMBOL[state]), ' ',
        el('span', {}, stateLabel(state)), ' ', el('span', {class: 'note'}, t(`gaps.means.${state}`)))));
  }

  // ------------------------------------------------------------------ the matrix

  /** The district × category matrix: a row per category (the empty ones on request), a column per district. */
  drawMatrix() {
    const showEmpty = this.main.querySelector('#show-empty').checked;
    const table = this.main.querySelector('#matrix');
    const districts = this.districtMatrix.territories;
    fill(table.tHead, el('tr', {},
        el('th', {scope: 'col'}, t('gaps.category')),
        districts.map(d => el('th', {scope: 'col', class: 'district', dataset: {id: d.id}, title: d.name},
            shortDistrictName(d.name, districts)))));
    const filled = code => districts.some(d => this.districtMatrix.state(d.id, code) !== 'NONE');
    const rows = [];
    for (const c of this.categories) {
      const shown = showEmpty || filled(c.code)
          || (c.depth === 0 && this.categories.some(k => k.partOf === c.code && filled(k.code)));
      if (!shown) {
        continue;
      }
      rows.push(el('tr', {class: c.depth === 0 ? 'area' : 'kind', dataset: {id: c.code}},
          el('th', {scope: 'row'}, c.depth === 0 ? this.name(c.code) : this.shortName(c.code)),
          districts.map(d => el('td', {}, this.cell(d, c.code)))));
    }
    fill(table.tBodies[0], rows);
    // One tab stop for the whole matrix; the arrow keys move within it.
    const cells = [...table.querySelectorAll('button.cell')];
    cells.forEach((cell, i) => { cell.tabIndex = i === 0 ? 0 : -1; });
    table.onkeydown = event => this.moveInMatrix(event, table);
  }

  cell(district, code) {
    const state = this.districtMatrix.state(district.id, code);
    const label = t('gaps.cellLabel', {category: this.name(code), district: district.name, state: stateLabel(state)});
    return el('button', {type: 'button', class: `cell state-${state}`, title: label, 'aria-label': label,
      dataset: {territory: district.id, category: code, state},
      on: {click: event => { this.rove(event.currentTarget); this.showCell(district, code); }}},
    el('span', {'aria-hidden': 'true'}, state === 'NONE' ? '' : SYMBOL[state]));
  }

  rove(cell) {
    for (const other of this.main.querySelectorAll('#matrix button.cell[tabindex="0"]')) {
      other.tabIndex = -1;
    }
    cell.tabIndex = 0;
  }

  moveInMatrix(event, table) {
    const cell = event.target.closest('button.cell');
    if (!cell) {
      return;
    }
    const td = cell.parentElement;
    const tr = td.parentElement;
    const column = [...tr.children].indexOf(td);
    const rows = [...table.tBodies[0].rows];
    let row = rows.indexOf(tr);
    let col = column;
    switch (event.key) {
      case 'ArrowRight': col++; break;
      case 'ArrowLeft': col--; break;
      case 'ArrowDown': row++; break;
      case 'ArrowUp': row--; break;
      case 'Home': col = 1; break;
      case 'End': col = tr.children.length - 1; break;
      default: return;
    }
    event.preventDefault();
    const target = rows[row] && rows[row].children[col] && rows[row].children[col].querySelector('button.cell');
    if (target) {
      this.rove(target);
      target.focus();
    }
  }

  /** A click on a cell: the district's rows of that category (and narrower ones), and its municipalities. */
  async showCell(district, code) {
    this.choose(code);
    this.highlightDistrict(district.id);
    this.allocation?.territoryChosen(district.id);
    this.startDetail(t('gaps.cellTitle', {category: this.name(code), district: district.name}));
    try {
      const report = await api('/api/v1/gaps', {query: {territory: district.id}});
      const rows = report.rows.filter(r => r.category === code || r.category.startsWith(code + '.'));
      const municipalities = this.allTowns.filter(m => m.partOf === district.id);
      fill(this.detail,
          el('p', {}, badge(this.districtMatrix.state(district.id, code)), ' ',
              t('gaps.cellIntro', {category: this.name(code), district: district.name})),
          this.reportTable(rows, code, 'gaps.districtRows'),
          el('h3', {}, t('gaps.townsOf', {district: district.name})),
          el('table', {class: 'towns-of', 'aria-label': t('gaps.townsOf', {district: district.name})},
              el('thead', {}, el('tr', {},
                  el('th', {scope: 'col'}, t('gaps.municipality')),
                  el('th', {scope: 'col'}, t('gaps.state')))),
              el('tbody', {}, municipalities.map(m => this.townRow(m, code, false)))),
          this.csvButton(district));
      this.detail.dataset.territory = district.id;
      this.detail.dataset.category = code;
    } catch (e) {
      showError(this.detail, e);
    }
  }

  /** A municipality picked on the map or in the list: its whole gap report, the chosen category marked. */
  async showTown(town) {
    this.highlightDistrict(town.partOf);
    this.allocation?.territoryChosen(town.id);
    this.startDetail(t('gaps.townTitle', {municipality: town.name}));
    try {
      const report = await api('/api/v1/gaps', {query: {territory: town.id}});
      const district = this.byDistrict.get(town.partOf);
      fill(this.detail,
          el('p', {}, t('gaps.townIntro', {municipality: town.name, district: district ? district.name : '—',
            population: town.population === null || town.population === undefined ? '—' : number.format(town.population)})),
          report.rows.length
            ? this.reportTable(report.rows, this.category, 'gaps.townRows')
            : el('p', {class: 'note'}, t('gaps.noRows')),
          this.csvButton(town));
      this.detail.dataset.territory = town.id;
      this.detail.dataset.category = '';
    } catch (e) {
      showError(this.detail, e);
    }
  }

  startDetail(title) {
    this.detailTitle.textContent = title;
    delete this.detail.dataset.territory;
    fill(this.detail, el('p', {class: 'note'}, t('shell.loading')));
    this.detailTitle.scrollIntoView({block: 'nearest'});
  }

  /** Gap rows as the API answers them; `current` (a category) is marked. */
  reportTable(rows, current, caption) {
    if (!rows.length) {
      return el('p', {class: 'note'}, t('gaps.noRows'));
    }
    return el('table', {class: 'report'},
        el('caption', {}, t(caption)),
        el('thead', {}, el('tr', {},
            el('th', {scope: 'col'}, t('gaps.category')),
            el('th', {scope: 'col', class: 'num'}, t('gaps.demand')),
            el('th', {scope: 'col', class: 'num'}, t('gaps.supply')),
            el('th', {scope: 'col', class: 'num'}, t('gaps.providers')),
            el('th', {scope: 'col', class: 'num'}, t('gaps.services')),
            el('th', {scope: 'col', class: 'num'}, t('gaps.declinedFull')),
            el('th', {scope: 'col'}, t('gaps.state')))),
        el('tbody', {}, rows.map(r => el('tr', {dataset: {id: r.category, state: r.state},
          class: r.category === current ? 'current' : null, 'aria-current': r.category === current ? 'true' : null},
        el('th', {scope: 'row'}, r.categoryName && lang() === 'it' ? r.categoryName : this.name(r.category)),
        el('td', {class: 'num'}, number.format(r.demand)),
        el('td', {class: 'num'}, r.supplyKnown ? number.format(r.supply)
          : r.supply > 0 ? t('gaps.atLeast', {n: number.format(r.supply)}) : t('gaps.unknown')),
        el('td', {class: 'num'}, number.format(r.providers)),
        el('td', {class: 'num'}, number.format(r.services)),
        el('td', {class: 'num'}, number.format(r.declinedFull ?? 0)),
        el('td', {}, badge(r.state))))));
  }

  csvButton(territory) {
    return el('p', {}, el('button', {type: 'button', class: 'secondary', id: 'csv-report',
      on: {click: () => this.download(
          () => api('/api/v1/gaps', {query: {territory: territory.id}, accept: 'text/csv'}),
          `gaps-${territory.id}.csv`)}},
    t('gaps.csvReport', {territory: territory.name})));
  }

  /**
   * Saves a CSV of the API: the key cannot go in a link, so the page fetches it with the key and
   * hands the browser a blob: link to save (a download, which the CSP leaves alone).
   */
  async download(fetchCsv, filename) {
    const messages = this.main.querySelector('[data-role=messages]');
    try {
      const text = await fetchCsv();
      const url = URL.createObjectURL(new Blob([text], {type: 'text/csv;charset=utf-8'}));
      const link = el('a', {href: url, download: filename, class: 'visually-hidden'}, filename);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      fill(messages);
    } catch (e) {
      showError(messages, e);
    }
  }

  // ------------------------------------------------------------------ the map

  drawMap() {
    const box = this.main.querySelector('#map');
    if (!window.L) {
      fill(box, el('p', {class: 'problem'}, t('gaps.noMap')));
      return;
    }
    // No tiles: the area is drawn from our own outline, so the map works offline.
    const map = L.map(box, {attributionControl: false, zoomSnap: 0.25, minZoom: 8, maxZoom: 14});
    this.map = map;
    const cells = this.outline.features.filter(f => f.properties.kind === 'municipality');
    const borders = this.outline.features.filter(f => f.properties.kind === 'border');
    // The view first: a map without one adds its layers only later, and the points need their elements now.
    this.bounds = cells.length
      ? L.geoJSON({type: 'FeatureCollection', features: cells}).getBounds()
      : L.latLngBounds(this.towns.map(m => [m.lat, m.lon]));
    map.fitBounds(this.bounds, {padding: [8, 8]});
    this.cells = new Map();
    L.geoJSON({type: 'FeatureCollection', features: cells}, {
      style: () => ({color: '#ffffff', weight: 1, fillColor: '#dfe2e8', fillOpacity: 1}),
      onEachFeature: (feature, layer) => {
        this.cells.set(feature.properties.id, layer);
        const town = this.towns.find(m => m.id === feature.properties.id);
        if (town) {
          layer.on('click', () => this.showTown(town));
        }
      },
    }).addTo(map);
    this.districtLayer = L.geoJSON({type: 'FeatureCollection', features: borders}, {
      style: () => ({color: '#1d1d1f', weight: 2.5, opacity: 0.85}), interactive: false,
    }).addTo(map);
    this.markers = new Map();
    for (const town of this.towns) {
      const marker = L.marker([town.lat, town.lon], {
        icon: L.divIcon({className: 'pin', iconSize: [18, 18], html: el('span', {'aria-hidden': 'true'})}),
        keyboard: false,
        riseOnHover: true,
      });
      marker.bindTooltip(() => el('div', {},
          el('strong', {}, town.name), el('br'), this.name(this.category), ': ',
          stateLabel(this.townMatrix.state(town.id, this.category))), {direction: 'top', offset: [0, -10]});
      marker.on('click', () => this.showTown(town));
      marker.addTo(map);
      const pin = marker.getElement();
      pin.dataset.id = town.id;
      this.markers.set(town.id, marker);
    }
    this.paintMap();
  }

  /** The points (and their cells, lightly) in the colours of the chosen category's states. */
  paintMap() {
    if (!this.map) {
      return;
    }
    const style = getComputedStyle(document.documentElement);
    const colour = state => style.getPropertyValue(`--state-${state.toLowerCase()}`).trim() || '#999999';
    for (const town of this.towns) {
      const state = this.townMatrix.state(town.id, this.category);
      const pin = this.markers.get(town.id).getElement();
      pin.classList.remove(...STATES.map(s => `state-${s}`));
      pin.classList.add(`state-${state}`);
      pin.dataset.state = state;
      pin.title = `${town.name}: ${stateLabel(state)}`;
      pin.firstChild.textContent = SYMBOL[state];
      const cell = this.cells.get(town.id);
      if (cell) {
        cell.setStyle(state === 'NONE'
          ? {fillColor: '#dfe2e8', fillOpacity: 1}
          : {fillColor: colour(state), fillOpacity: 0.35});
      }
    }
    this.main.querySelector('#map-title').textContent = t('gaps.mapTitleOf', {category: this.name(this.category)});
  }

  /** Dims the points outside district `id`, keeping the whole area in view. */
  highlightDistrict(id) {
    if (!this.map) {
      return;
    }
    for (const town of this.towns) {
      const marker = this.markers.get(town.id);
      // Leaflet sets a marker's opacity on its element, so it goes through Leaflet, not a class.
      marker.setOpacity(town.partOf === id ? 1 : 0.4);
      marker.getElement().classList.toggle('dim', town.partOf !== id);
    }
  }

  // ------------------------------------------------------------------ the list (the map as text)

  drawTowns() {
    const rows = [...this.allTowns]
        .sort((a, b) => STATES.indexOf(this.townMatrix.state(a.id, this.category))
            - STATES.indexOf(this.townMatrix.state(b.id, this.category)) || a.name.localeCompare(b.name))
        .map(m => this.townRow(m, this.category, true));
    fill(this.main.querySelector('#towns tbody'), rows);
  }

  townRow(town, code, withDistrict) {
    const state = this.townMatrix.state(town.id, code);
    const district = this.byDistrict.get(town.partOf);
    return el('tr', {dataset: {id: town.id, state}},
        el('th', {scope: 'row'}, el('button', {type: 'button', class: 'link', on: {click: () => this.showTown(town)}}, town.name)),
        withDistrict ? el('td', {}, district ? district.name : '—') : null,
        el('td', {}, badge(state)));
  }
}

/**
 * A district's name without the first word all the districts' names share ("Ambito Abbiatense"
 * → "Abbiatense"), so that five columns fit beside the map; the header's title keeps the full name.
 */
function shortDistrictName(name, districts) {
  const first = name.split(' ')[0];
  const shared = districts.length > 1 && districts.every(d => d.name.startsWith(first + ' ') && d.name.length > first.length + 1);
  return shared ? name.slice(first.length + 1) : name;
}

/** The categories depth first (an area, then its kinds), each with its depth. */
function ordered(categories) {
  const codes = new Set(categories.map(c => c.code));
  const children = new Map();
  for (const c of categories) {
    const parent = c.partOf && codes.has(c.partOf) ? c.partOf : null;
    if (!children.has(parent)) {
      children.set(parent, []);
    }
    children.get(parent).push(c);
  }
  const out = [];
  const walk = (parent, depth) => {
    for (const c of children.get(parent) || []) {
      out.push({...c, depth});
      walk(c.code, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
