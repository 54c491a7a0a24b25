// The network explorer: the tie graph of cooperatives and partners, filtered by district,
// category and tie kind; an actor's services, ties, open needs and synergies; paths between two
// actors; the fragile points. A network too large to draw at once opens by district.

import {all, api} from './api.js';
import {el, fill} from './dom.js';
import {lang, t} from './i18n.js';
import {start} from './shell.js';
import './explorer-strings.js';
import {COMMUNITY_COLOURS, GROUPS, choose, clearPath, createGraph, draw, group, groupOf, pairKey, showFragility,
  showPath} from './explorer-graph.js';
import {number, showActor, showActorList, showFragile, showPaths, swatch} from './explorer-panel.js';

const TIE_KINDS = ['COLLABORATION', 'CO_DESIGN', 'CONVENTION', 'CONTRACT', 'FUNDING', 'REFERRAL', 'JOINT_TENDER'];
const NO_DISTRICT = '-';

/**
 * Above this many actors the whole network is drawn by district, not actor by actor: fcose on
 * thousands of nodes would hold the browser for seconds. A tab may lower it (the tests do).
 */
const MAX_ACTORS = Number(sessionStorage.getItem('snodo.explorer.maxActors')) || 400;

const S = {
  who: null,
  canTies: false,
  actors: new Map(),
  territories: new Map(),
  districts: [],
  categoryNames: new Map(),
  ties: [],
  pairs: new Map(),
  betweenness: null,
  communities: new Map(),
  communityCount: 0,
  fragility: null,
  providers: new Map(),
  filters: {district: '', category: '', view: 'actors', colour: 'kind', kinds: new Set(TIE_KINDS), search: ''},
  shownView: 'actors',
  selected: null,
  pick: null,
  paths: null,
  cy: null,
};

const ctx = {S, select, pickFrom, closePaths, highlightPath};

start({
  run: async (main, who) => {
    S.who = who;
    // Ties are read by planners and cooperatives only (GET /api/v1/ties answers the others 403).
    S.canTies = who.role === 'PLANNER' || who.role === 'COOPERATIVE';
    if (!S.canTies) {
      for (const e of main.querySelectorAll('[data-requires=ties]')) {
        e.remove();
      }
    }
    await load();
    buildFilters();
    S.cy = createGraph(document.getElementById('graph'), node => {
      if (node.data('district')) {
        openDistrict(node.data('district'));
      } else {
        select(node.id(), {centre: false});
      }
    });
    // For tests and assistive tools: the graph and the page's state, read-only by intent.
    window.snodoExplorer = {cy: S.cy, state: S, select};
    fill(document.getElementById('actor'), el('p', {class: 'note'}, t('explorer.choose')));
    await render();
  },
});

async function load() {
  const [cooperatives, partners, territories, categories] = await Promise.all([
    all('/api/v1/cooperatives'), all('/api/v1/partners'), all('/api/v1/territories'), all('/api/v1/categories')]);
  for (const territory of territories) {
    S.territories.set(territory.id, territory);
  }
  S.districts = territories.filter(x => x.level === 'DISTRICT').sort((a, b) => a.name.localeCompare(b.name, lang()));
  const english = lang() === 'en';
  S.categories = categories.map(c => ({id: c.code, name: (english && c.nameEn) || c.name, partOf: c.partOf}));
  for (const c of S.categories) {
    S.categoryNames.set(c.id, c.name);
  }
  const add = (row, kind) => {
    const actor = {id: row.id, name: row.name, kind, type: kind === 'COOPERATIVE' ? row.type : row.kind,
      basedIn: row.basedIn || null, district: districtOf(row.basedIn)};
    actor.group = groupOf(actor);
    S.actors.set(actor.id, actor);
  };
  cooperatives.forEach(c => add(c, 'COOPERATIVE'));
  partners.forEach(p => add(p, 'PARTNER'));
  if (S.canTies) {
    const [ties, measures] = await Promise.all([all('/api/v1/ties'), api('/api/v1/network/measures')]);
    S.ties = ties;
    for (const tie of ties) {
      const key = pairKey(tie.from, tie.to);
      const pair = S.pairs.get(key) || {a: tie.from, b: tie.to, kinds: new Set(), strength: 0};
      pair.kinds.add(tie.kind);
      pair.strength = Math.max(pair.strength, tie.strength ?? 0.5);
      S.pairs.set(key, pair);
    }
    S.betweenness = measures.betweenness || {};
    S.topBetweenness = Math.max(1e-9, ...Object.values(S.betweenness));
    measures.communities.forEach((members, i) => members.forEach(id => S.communities.set(id, i)));
    S.communityCount = measures.communities.length;
  }
}

/** The district of a base: the territory itself when a district, else the district it is part of. */
function districtOf(id) {
  let territory = S.territories.get(id);
  for (let hops = 0; territory && hops < 4; hops++) {
    if (territory.level === 'DISTRICT') {
      return territory.id;
    }
    territory = S.territories.get(territory.partOf);
  }
  return null;
}

function buildFilters() {
  const district = document.getElementById('district');
  const hasNone = [...S.actors.values()].some(a => !a.district);
  fill(district, el('option', {value: ''}, t('explorer.allDistricts')),
      S.districts.map(d => el('option', {value: d.id}, d.name)),
      hasNone ? el('option', {value: NO_DISTRICT}, t('explorer.noDistrict')) : null);
  district.addEventListener('change', () => { S.filters.district = district.value; render(); });

  const category = document.getElementById('category');
  const tops = S.categories.filter(c => !c.partOf || !S.categoryNames.has(c.partOf))
      .sort((a, b) => a.name.localeCompare(b.name, lang()));
  // A narrower category's name repeats its parent's ("Anziani – Contributi economici"): under its
  // parent, the rest says enough.
  const short = (c, top) => (c.name.startsWith(`${top.name} – `) ? c.name.slice(top.name.length + 3) : c.name);
  fill(category, el('option', {value: ''}, t('explorer.allCategories')), tops.flatMap(top => [
    el('option', {value: top.id}, top.name),
    ...S.categories.filter(c => c.partOf === top.id).sort((a, b) => a.name.localeCompare(b.name, lang()))
        .map(c => el('option', {value: c.id, 'aria-label': c.name}, `\u2003${short(c, top)}`))]));
  category.addEventListener('change', () => { S.filters.category = category.value; render(); });

  const view = document.getElementById('view');
  view.addEventListener('change', () => { S.filters.view = view.value; render(); });

  const search = document.getElementById('search');
  fill(document.getElementById('actor-names'),
      [...S.actors.values()].map(a => el('option', {value: a.name})));
  search.addEventListener('input', () => { S.filters.search = search.value.trim(); listActors(); });
  search.addEventListener('keydown', event => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const found = matching(search.value.trim());
      if (found.length) {
        select((found.find(a => a.name.toLowerCase() === search.value.trim().toLowerCase()) || found[0]).id,
            {centre: true});
      }
    }
  });
  document.getElementById('filters').addEventListener('submit', event => event.preventDefault());

  document.getElementById('pick').addEventListener('click', () => {
    if (S.pick) {
      S.pick = null;
    } else {
      S.pick = {from: null};
    }
    pickState();
  });

  if (!S.canTies) {
    return;
  }
  const colour = document.getElementById('colour');
  colour.addEventListener('change', () => { S.filters.colour = colour.value; render(); });
  fill(document.getElementById('tie-kinds'), el('legend', {}, t('explorer.tieKinds')), TIE_KINDS.map(kind =>
    el('span', {class: 'check'},
        el('input', {type: 'checkbox', id: `tie-${kind}`, name: 'tieKind', value: kind, checked: true, on: {change: e => {
          if (e.target.checked) {
            S.filters.kinds.add(kind);
          } else {
            S.filters.kinds.delete(kind);
          }
          render();
        }}}),
        el('label', {for: `tie-${kind}`}, t(`explorer.tie.${kind}`)))));
  document.getElementById('fragility').addEventListener('change', async e => {
    const box = document.getElementById('fragile');
    if (!e.target.checked) {
      S.fragility = null;
      showFragility(S.cy, null);
      box.hidden = true;
      legend();
      return;
    }
    try {
      S.fragility = await api('/api/v1/fragility');
      showFragility(S.cy, S.fragility);
      showFragile(box, ctx, S.fragility);
    } catch (error) {
      box.hidden = false;
      fill(box, el('p', {class: 'problem', role: 'alert'}, error.message));
    }
    legend();
  });
}

/** The actors the filters keep. */
async function visibleActors() {
  let actors = [...S.actors.values()];
  const {district, category} = S.filters;
  if (district) {
    actors = actors.filter(a => (a.district || NO_DISTRICT) === district);
  }
  if (category) {
    if (!S.providers.has(category)) {
      // The API's own reading of "this category or a narrower one".
      const services = await all('/api/v1/services', {category});
      S.providers.set(category, new Set(services.map(s => s.provider)));
    }
    const providers = S.providers.get(category);
    actors = actors.filter(a => providers.has(a.id));
  }
  return actors;
}

let rendering = Promise.resolve();

/** Redraws the graph from the filters; overlays (selection, path, fragility) are put back. */
function render() {
  rendering = rendering.then(renderNow, renderNow);
  return rendering;
}

async function renderNow() {
  const main = document.getElementById('main');
  const messages = main.querySelector('[data-role=messages]');
  let actors;
  try {
    actors = await visibleActors();
    fill(messages);
  } catch (error) {
    fill(messages, el('p', {class: 'problem', role: 'alert'}, error.message));
    return;
  }
  const notes = [];
  let view = S.filters.view;
  if (view === 'actors' && !S.filters.district && actors.length > MAX_ACTORS) {
    view = 'districts';
    notes.push(t('explorer.tooMany', {n: number(actors.length, 0), max: number(MAX_ACTORS, 0)}));
  } else if (view === 'actors' && actors.length > MAX_ACTORS) {
    notes.push(t('explorer.bigDistrict', {n: number(actors.length, 0)}));
  }
  document.getElementById('view').value = view;
  S.shownView = view;
  const graph = document.getElementById('graph');
  if (view === 'districts') {
    const {nodes, edges} = districtElements(actors);
    await draw(S.cy, [...nodes, ...edges]);
    notes.push(t('explorer.shownDistricts'));
    graph.setAttribute('aria-label', t('explorer.districtLabel', {districts: nodes.length}));
  } else {
    const ids = new Set(actors.map(a => a.id));
    const edges = [...S.pairs.entries()]
        .filter(([, p]) => ids.has(p.a) && ids.has(p.b) && [...p.kinds].some(k => S.filters.kinds.has(k)))
        .map(([key, p]) => ({group: 'edges', data: {id: key, source: p.a, target: p.b, width: 1 + 3 * p.strength}}));
    await draw(S.cy, [...actors.map(nodeData).map(data => ({group: 'nodes', data})), ...edges]);
    notes.push(t(S.canTies ? 'explorer.shown' : 'explorer.shownActors',
        {actors: number(actors.length, 0), ties: number(edges.length, 0)}));
    graph.setAttribute('aria-label', t('explorer.graphLabel', {actors: actors.length, ties: edges.length}));
    choose(S.cy, S.selected, false);
    showFragility(S.cy, S.fragility);
    if (S.paths && S.paths.answer.paths.length) {
      showPath(S.cy, S.paths.answer.paths[S.paths.active].actors, nodeData);
    }
  }
  if (!S.canTies) {
    notes.unshift(t('explorer.readerNote'));
  }
  S.viewNote = notes.join(' ');
  fill(document.getElementById('view-note'), S.viewNote);
  pickState();
  S.shown = actors;
  listActors();
  legend();
}

/** Cytoscape data of an actor node: colour by kind or community, size by betweenness. */
function nodeData(id) {
  const actor = typeof id === 'string' ? S.actors.get(id) : id;
  const g = group(actor.group);
  let colour = g.colour;
  if (S.filters.colour === 'community' && S.canTies) {
    const c = S.communities.get(actor.id);
    colour = c === undefined ? '#ffffff' : COMMUNITY_COLOURS[c % COMMUNITY_COLOURS.length];
  }
  let size = 26;
  if (S.betweenness) {
    size = 18 + 42 * Math.sqrt((S.betweenness[actor.id] || 0) / S.topBetweenness);
  }
  return {id: actor.id, label: actor.name, colour, shape: g.shape, size,
    order: districtOrder(actor.district) * 100 + GROUPS.indexOf(g)};
}

function districtOrder(id) {
  const i = S.districts.findIndex(d => d.id === id);
  return i < 0 ? S.districts.length : i;
}

/** One node per district, sized by its actors; one edge per pair of districts tied, sized by its ties. */
function districtElements(actors) {
  const counts = new Map();
  for (const a of actors) {
    const d = a.district || NO_DISTRICT;
    counts.set(d, (counts.get(d) || 0) + 1);
  }
  const top = Math.max(...counts.values(), 1);
  const nodes = [...counts.entries()].map(([d, n]) => ({group: 'nodes', data: {
    id: `district:${d}`, district: d, label: `${d === NO_DISTRICT ? t('explorer.noDistrict') : S.territories.get(d).name} (${n})`,
    colour: '#0072b2', shape: 'ellipse', size: 30 + 50 * Math.sqrt(n / top), order: districtOrder(d)}}));
  const ids = new Map(actors.map(a => [a.id, a.district || NO_DISTRICT]));
  const between = new Map();
  for (const p of S.pairs.values()) {
    const da = ids.get(p.a);
    const db = ids.get(p.b);
    if (da && db && da !== db && [...p.kinds].some(k => S.filters.kinds.has(k))) {
      const key = pairKey(da, db);
      between.set(key, (between.get(key) || 0) + 1);
    }
  }
  const most = Math.max(...between.values(), 1);
  const edges = [...between.entries()].map(([key, n]) => {
    const [a, b] = key.split('|');
    return {group: 'edges', data: {id: `districts:${key}`, source: `district:${a}`, target: `district:${b}`,
      width: 1 + 9 * n / most, label: String(n)}};
  });
  return {nodes, edges};
}

function openDistrict(district) {
  S.filters.district = district;
  S.filters.view = 'actors';
  document.getElementById('district').value = district;
  return render();
}

function matching(text) {
  const needle = text.toLowerCase();
  return [...S.actors.values()].filter(a => a.name.toLowerCase().includes(needle));
}

function listActors() {
  const text = S.filters.search;
  showActorList(ctx, text ? matching(text) : S.shown || []);
}

/** Chooses an actor: its panel, its mark in the graph; in the path mode, an end of the path. */
async function select(id, {centre = false} = {}) {
  const actor = S.actors.get(id);
  if (!actor) {
    return;
  }
  if (S.shownView === 'districts' || S.cy.getElementById(id).empty()) {
    // An actor outside the drawing: open its district, with no category filter hiding it.
    S.filters.category = '';
    document.getElementById('category').value = '';
    S.selected = id;
    await openDistrict(actor.district || NO_DISTRICT);
  }
  S.selected = id;
  choose(S.cy, id, centre);
  for (const button of document.querySelectorAll('#actors button[aria-current]')) {
    button.removeAttribute('aria-current');
  }
  document.querySelector(`#actors li[data-id="${CSS.escape(id)}"] button`)?.setAttribute('aria-current', 'true');
  if (S.pick) {
    if (!S.pick.from || S.pick.from === id) {
      S.pick.from = id;
      pickState();
    } else {
      const from = S.pick.from;
      S.pick = null;
      pickState();
      await findPaths(from, id);
      await showActor(document.getElementById('actor'), ctx, id);
      return;
    }
  }
  const panel = document.getElementById('actor');
  // The details sit above the list in the side panel: bring them into sight.
  panel.scrollIntoView({block: 'nearest'});
  await showActor(panel, ctx, id);
}

function pickFrom(id) {
  S.pick = {from: id};
  pickState();
}

function pickState() {
  const button = document.getElementById('pick');
  button.setAttribute('aria-pressed', String(Boolean(S.pick)));
  const note = document.getElementById('view-note');
  if (S.pick) {
    fill(note, S.pick.from ? t('explorer.pickTo', {name: S.actors.get(S.pick.from).name}) : t('explorer.pickFrom'));
  } else {
    fill(note, S.viewNote || '');
  }
}

async function findPaths(from, to) {
  const box = document.getElementById('paths');
  let answer;
  try {
    answer = await api('/api/v1/paths', {query: {from, to, k: 3}});
  } catch (error) {
    S.paths = null;
    showPaths(box, ctx, from, to, error, 0);
    return;
  }
  S.paths = {from, to, answer, active: 0};
  if (answer.paths.length) {
    showPath(S.cy, answer.paths[0].actors, nodeData);
  } else {
    clearPath(S.cy);
  }
  showPaths(box, ctx, from, to, answer, 0);
  box.scrollIntoView({block: 'nearest'});
  legend();
}

function highlightPath(i) {
  S.paths.active = i;
  showPath(S.cy, S.paths.answer.paths[i].actors, nodeData);
  showPaths(document.getElementById('paths'), ctx, S.paths.from, S.paths.to, S.paths.answer, i);
}

function closePaths() {
  S.paths = null;
  clearPath(S.cy);
  const box = document.getElementById('paths');
  fill(box);
  box.hidden = true;
  legend();
}

/** The legend: kinds (shape, and colour when coloured by kind), communities, sizes, overlays. */
function legend() {
  const items = [];
  const byCommunity = S.filters.colour === 'community' && S.canTies && S.shownView === 'actors';
  if (S.shownView === 'actors') {
    for (const g of GROUPS) {
      items.push(el('li', {dataset: {group: g.id}}, swatch(g.id, byCommunity ? '#c8c8cf' : g.colour), t(`explorer.group.${g.id}`)));
    }
  }
  if (byCommunity) {
    const sizes = new Map();
    for (const a of S.shown || []) {
      if (S.communities.has(a.id)) {
        sizes.set(S.communities.get(a.id), (sizes.get(S.communities.get(a.id)) || 0) + 1);
      }
    }
    [...sizes.keys()].sort((a, b) => a - b).forEach(c => items.push(el('li', {dataset: {community: c}},
        swatch('coop', COMMUNITY_COLOURS[c % COMMUNITY_COLOURS.length]),
        t('explorer.communitySize', {n: c + 1, size: sizes.get(c)}))));
  }
  if (S.betweenness && S.shownView === 'actors') {
    items.push(el('li', {class: 'note'}, t('explorer.legendSize')));
  }
  if (S.fragility && S.shownView === 'actors') {
    items.push(el('li', {}, el('span', {class: 'mark mark-cut', 'aria-hidden': 'true'}), t('explorer.legendCut')));
    items.push(el('li', {}, el('span', {class: 'mark mark-bridge', 'aria-hidden': 'true'}), t('explorer.legendBridge')));
  }
  if (S.paths) {
    items.push(el('li', {}, el('span', {class: 'mark mark-path', 'aria-hidden': 'true'}), t('explorer.legendPath')));
  }
  fill(document.getElementById('legend-items'), items);
}
