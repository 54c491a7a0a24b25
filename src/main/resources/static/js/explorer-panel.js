// The explorer's side panel: the chosen actor (services, ties, the open needs of its territory,
// synergies), the paths between two actors, the fragile points, and the list of actors that makes
// the graph usable from the keyboard. Names are always text.

import {all, api} from './api.js';
import {el, fill} from './dom.js';
import {lang, t} from './i18n.js';
import {group} from './explorer-graph.js';

const STATE_ORDER = ['UNCOVERED', 'UNDER', 'FRAGILE', 'COVERED'];

export function number(value, digits = 2) {
  return new Intl.NumberFormat(lang(), {maximumFractionDigits: digits}).format(value);
}

/** A small mark of a legend group's shape, in `colour` (set through the CSSOM: the CSP allows no style attribute). */
export function swatch(shape, colour) {
  const mark = el('span', {class: `swatch shape-${shape}`, 'aria-hidden': 'true'});
  mark.style.backgroundColor = colour;
  return mark;
}

function problem(error) {
  return el('p', {class: 'problem', role: 'alert'}, error.message || String(error));
}

/** A button that selects an actor, named as the actor. */
function actorButton(ctx, id, fallback) {
  const actor = ctx.S.actors.get(id);
  return el('button', {type: 'button', class: 'link', on: {click: () => ctx.select(id, {centre: true})}},
      actor ? actor.name : (fallback || id));
}

function kindLabel(actor) {
  return t(`explorer.type.${actor.type}`);
}

function placeLabel(S, actor) {
  const base = S.territories.get(actor.basedIn);
  if (!base) {
    return t('explorer.noBase');
  }
  const district = actor.district && actor.district !== base.id ? S.territories.get(actor.district) : null;
  return t('explorer.basedIn', {place: district ? `${base.name} (${district.name})` : base.name});
}

/** Which synergies the key may read: a planner any cooperative's, a cooperative its own. */
export function maySeeSynergies(who, actor) {
  return actor.kind === 'COOPERATIVE'
      && (who.role === 'PLANNER' || (who.role === 'COOPERATIVE' && who.cooperative === actor.id));
}

/**
 * Whether the key may read skill requests, and so see a cooperative's skill matches both ways. A
 * READER or HELP_DESK key may ask the matches but not read the requests (it would get 403): it
 * picks a skill itself and sees who could lend it to the cooperative.
 */
export function mayReadSkillRequests(who) {
  return who.role === 'PLANNER' || who.role === 'COOPERATIVE';
}

/** Fills `box` with the actor `id`: what is known at once, then what the API answers. */
export async function showActor(box, ctx, id) {
  const {S} = ctx;
  const actor = S.actors.get(id);
  const token = Symbol(id);
  box.token = token;
  const facts = [kindLabel(actor), placeLabel(S, actor)];
  if (S.communities.has(id)) {
    facts.push(t('explorer.communityOf', {n: S.communities.get(id) + 1}));
  }
  if (S.betweenness && id in S.betweenness) {
    facts.push(t('explorer.betweenness', {value: number(S.betweenness[id], 3)}));
  }
  const head = [
    el('h3', {id: 'actor-name', dataset: {id}}, actor.name),
    el('p', {class: 'facts'}, facts.join(' · ')),
    el('button', {type: 'button', class: 'secondary', id: 'paths-from-here',
      on: {click: () => ctx.pickFrom(id)}}, t('explorer.pathsFromHere')),
  ];
  fill(box, head, el('p', {class: 'note'}, t('explorer.loading')));
  const territory = actor.district || actor.basedIn;
  const synergies = maySeeSynergies(S.who, actor);
  const skills = actor.kind === 'COOPERATIVE';
  const requests = mayReadSkillRequests(S.who);
  const [services, gaps, suggestions, matches] = await Promise.allSettled([
    all('/api/v1/services', {provider: id}),
    territory ? api('/api/v1/gaps', {query: {territory}}) : Promise.resolve(null),
    synergies ? api('/api/v1/synergies', {query: {cooperative: id, limit: 5}}) : Promise.resolve(null),
    !skills ? Promise.resolve(null) : requests ? skillMatches(S, id) : skillTree(S).then(tree => ({tree})),
  ]);
  if (box.token !== token) {
    return;
  }
  fill(box, head,
      servicesSection(S, services),
      S.canTies ? tiesSection(ctx, id) : null,
      gapsSection(S, territory, gaps),
      synergies ? synergiesSection(ctx, suggestions) : null,
      !skills ? null : requests ? skillsSection(ctx, id, matches) : skillPicker(ctx, id, matches));
}

/** The skill tree once per page: code → {name, partOf}. */
function skillTree(S) {
  if (!S.skillTree) {
    S.skillTree = all('/api/v1/skills').then(rows => new Map(rows.map(r => [r.code, r])))
        .catch(e => { S.skillTree = null; throw e; });
  }
  return S.skillTree;
}

/**
 * A cooperative's skill matches, both ways (the API's default 50 km): for each skill it seeks, the
 * cooperatives that could lend it (GET /api/v1/skills/matches); the requests of other cooperatives
 * whose matches name it, with its row among them (GET /api/v1/skill-requests/lendable, one call).
 */
async function skillMatches(S, id) {
  const [tree, requests, offers] = await Promise.all([
    skillTree(S),
    all('/api/v1/skill-requests', {cooperative: id}),
    all('/api/v1/skill-offers', {cooperative: id}),
  ]);
  const sought = await Promise.all(requests.map(async r => ({request: r,
    matches: (await api('/api/v1/skills/matches', {query: {cooperative: id, skill: r.skill}})).matches})));
  const offered = offers.length
    ? (await api('/api/v1/skill-requests/lendable', {query: {cooperative: id}})).lends
    : [];
  return {tree, requests, offers, sought, offered};
}

/** The lenders of a skill to a cooperative, nearest first, as GET /api/v1/skills/matches orders them. */
function lenders(ctx, matches) {
  return el('ol', {class: 'lenders'}, matches.map(m => el('li', {dataset: {id: m.cooperative.id}},
      actorButton(ctx, m.cooperative.id, m.cooperative.name), ' ',
      el('span', {class: 'note'}, `${hours(m.hoursPerWeek)} · ${where(m)}`))));
}

function hours(h) {
  return t('explorer.hours', {n: number(h, 0)});
}

function where(m) {
  return [t('explorer.km', {km: number(m.distanceKm, 1)}),
    m.tieHops == null ? t('explorer.notTied') : t('explorer.tieHops', {n: m.tieHops})].join(' · ');
}

/** For a key that may not read the requests: a skill of the tree → who could lend it to the cooperative. */
function skillPicker(ctx, id, answer) {
  const section = el('section', {id: 'actor-skills', 'aria-labelledby': 'actor-skills-title'},
      el('h4', {id: 'actor-skills-title'}, t('explorer.skills')));
  if (answer.status === 'rejected') {
    section.append(problem(answer.reason));
    return section;
  }
  const {tree} = answer.value;
  // The tree depth first, each skill under its broader one.
  const children = new Map();
  for (const s of tree.values()) {
    const parent = s.partOf && tree.has(s.partOf) ? s.partOf : null;
    children.set(parent, [...(children.get(parent) || []), s]);
  }
  const options = [];
  const walk = (parent, depth) => {
    for (const s of (children.get(parent) || []).sort((a, b) => a.name.localeCompare(b.name, lang()))) {
      options.push(el('option', {value: s.code}, `${'\u00a0\u00a0'.repeat(depth)}${s.name}`));
      walk(s.code, depth + 1);
    }
  };
  walk(null, 0);
  const select = el('select', {id: 'skill-pick', name: 'skill'}, options);
  const result = el('div', {id: 'skill-lenders', 'aria-live': 'polite'});
  const form = el('form', {id: 'skill-form', class: 'inline', on: {submit: async event => {
    event.preventDefault();
    const skill = select.value;
    result.dataset.state = 'loading';
    fill(result, el('p', {class: 'note'}, t('explorer.loading')));
    try {
      const found = (await api('/api/v1/skills/matches', {query: {cooperative: id, skill}})).matches;
      fill(result, found.length ? lenders(ctx, found) : el('p', {class: 'note'}, t('explorer.noLenders')));
      result.dataset.skill = skill;
      result.dataset.state = 'ready';
    } catch (e) {
      fill(result, problem(e));
      result.dataset.state = 'error';
    }
  }}},
  el('label', {for: 'skill-pick'}, t('explorer.skillPick', {name: name(ctx.S, id)})), ' ', select, ' ',
  el('button', {type: 'submit', id: 'skill-find'}, t('explorer.skillFind')));
  section.append(el('p', {class: 'note'}, t('explorer.skillsReaderIntro')), form, result);
  return section;
}

function skillsSection(ctx, id, answer) {
  const section = el('section', {id: 'actor-skills', 'aria-labelledby': 'actor-skills-title'},
      el('h4', {id: 'actor-skills-title'}, t('explorer.skills')));
  if (answer.status === 'rejected') {
    section.append(problem(answer.reason));
    return section;
  }
  const {tree, requests, offers, sought, offered} = answer.value;
  const skillName = code => tree.get(code)?.name || code;
  section.append(el('p', {class: 'note'}, t('explorer.skillsIntro')),
      el('h5', {}, t('explorer.skillsSought')),
      requests.length ? el('ul', {id: 'skills-sought', class: 'rows'}, sought.map(({request, matches}) =>
        el('li', {dataset: {skill: request.skill}},
            el('strong', {}, skillName(request.skill)), ' ', el('span', {class: 'note'}, hours(request.hoursPerWeek)),
            matches.length ? lenders(ctx, matches) : el('p', {class: 'note'}, t('explorer.noLenders')))))
        : el('p', {class: 'note', id: 'skills-sought'}, t('explorer.seeksNothing')),
      el('h5', {}, t('explorer.skillsOffered')),
      !offers.length ? el('p', {class: 'note', id: 'skills-offered'}, t('explorer.offersNothing'))
        : offered.length ? el('ul', {id: 'skills-offered', class: 'rows'}, offered.map(({request, match}) =>
          el('li', {dataset: {id: request.cooperative, skill: request.skill}},
              actorButton(ctx, request.cooperative), ' ',
              el('span', {class: 'note'}, t('explorer.seeks', {skill: skillName(request.skill),
                hours: hours(request.hoursPerWeek), offered: hours(match.hoursPerWeek)}), ' · ', where(match)))))
          : el('p', {class: 'note', id: 'skills-offered'}, t('explorer.nobodySeeks', {
            skills: offers.map(o => skillName(o.skill)).join(', ')})));
  return section;
}

function servicesSection(S, answer) {
  const section = el('section', {id: 'actor-services', 'aria-labelledby': 'actor-services-title'});
  if (answer.status === 'rejected') {
    return fill(section, el('h4', {id: 'actor-services-title'}, t('explorer.services', {n: '–'})), problem(answer.reason));
  }
  const services = answer.value;
  fill(section, el('h4', {id: 'actor-services-title'}, t('explorer.services', {n: services.length})));
  if (!services.length) {
    section.append(el('p', {class: 'note'}, t('explorer.noServices')));
    return section;
  }
  section.append(el('table', {},
      el('thead', {}, el('tr', {},
          el('th', {scope: 'col'}, t('explorer.serviceName')),
          el('th', {scope: 'col'}, t('explorer.serviceCategories')),
          el('th', {scope: 'col', class: 'num'}, t('explorer.freePlaces')))),
      el('tbody', {}, services.map(s => el('tr', {dataset: {id: s.id}},
          el('td', {}, s.name),
          el('td', {}, (s.categories || []).map(c => S.categoryNames.get(c) || c).join(', ')),
          el('td', {class: 'num'}, s.capacity == null ? t('explorer.unknown')
              : number(Math.max(0, s.capacity - (s.occupied || 0)), 0)))))));
  return section;
}

function tiesSection(ctx, id) {
  const others = new Map();
  for (const tie of ctx.S.ties) {
    const other = tie.from === id ? tie.to : tie.to === id ? tie.from : null;
    if (other) {
      others.set(other, [...(others.get(other) || []), tie.kind]);
    }
  }
  const rows = [...others.entries()].sort((a, b) => name(ctx.S, a[0]).localeCompare(name(ctx.S, b[0]), lang()));
  return el('section', {id: 'actor-ties', 'aria-labelledby': 'actor-ties-title'},
      el('h4', {id: 'actor-ties-title'}, t('explorer.ties', {n: rows.length})),
      rows.length
        ? el('ul', {class: 'rows'}, rows.map(([other, kinds]) => el('li', {dataset: {id: other}},
            actorButton(ctx, other), ' ',
            el('span', {class: 'note'}, [...new Set(kinds)].map(k => t(`explorer.tie.${k}`)).join(', ')))))
        : el('p', {class: 'note'}, t('explorer.noTies')));
}

function name(S, id) {
  return S.actors.get(id)?.name || id;
}

function gapsSection(S, territory, answer) {
  const section = el('section', {id: 'actor-gaps', 'aria-labelledby': 'actor-gaps-title'});
  const where = S.territories.get(territory)?.name || territory;
  const title = el('h4', {id: 'actor-gaps-title'}, territory ? t('explorer.gaps', {territory: where}) : t('explorer.gaps', {territory: '–'}));
  if (!territory) {
    return fill(section, title, el('p', {class: 'note'}, t('explorer.gapsNoTerritory')));
  }
  if (answer.status === 'rejected') {
    return fill(section, title, problem(answer.reason));
  }
  const open = answer.value.rows.filter(r => r.state !== 'COVERED')
      .sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || b.demand - a.demand);
  if (!open.length) {
    return fill(section, title, el('p', {class: 'note'}, t('explorer.gapsNone')));
  }
  return fill(section, title, el('table', {},
      el('thead', {}, el('tr', {},
          el('th', {scope: 'col'}, t('explorer.gapCategory')),
          el('th', {scope: 'col'}, t('explorer.gapState')),
          el('th', {scope: 'col', class: 'num'}, t('explorer.gapDemand')),
          el('th', {scope: 'col', class: 'num'}, t('explorer.gapSupply')))),
      el('tbody', {}, open.map(r => el('tr', {dataset: {id: r.category, state: r.state}},
          el('td', {}, r.categoryName || r.category),
          el('td', {}, el('span', {class: `state state-${r.state}`}, t(`explorer.state.${r.state}`))),
          el('td', {class: 'num'}, number(r.demand, 0)),
          el('td', {class: 'num'}, r.supplyKnown ? number(r.supply, 0) : t('explorer.unknown')))))));
}

function synergiesSection(ctx, answer) {
  const section = el('section', {id: 'actor-synergies', 'aria-labelledby': 'actor-synergies-title'},
      el('h4', {id: 'actor-synergies-title'}, t('explorer.synergies')));
  if (answer.status === 'rejected') {
    section.append(problem(answer.reason));
    return section;
  }
  const suggestions = answer.value.suggestions;
  if (!suggestions.length) {
    section.append(el('p', {class: 'note'}, t('explorer.synergiesNone')));
    return section;
  }
  section.append(el('ol', {class: 'rows'}, suggestions.map(s => el('li', {dataset: {id: s.cooperative}},
      actorButton(ctx, s.cooperative, s.name), ' ',
      el('span', {class: 'note'}, t('explorer.score', {score: number(s.score)})),
      el('ul', {class: 'reasons'}, s.reasons.map(r => el('li', {dataset: {kind: r.kind}},
          el('strong', {}, t(`explorer.reason.${r.kind}`)), ': ', r.detail)))))));
  return section;
}

/** The paths between two actors; `active` is the index of the highlighted one. */
export function showPaths(box, ctx, from, to, answer, active) {
  box.hidden = false;
  const title = el('h3', {id: 'paths-title'}, t('explorer.paths', {from: name(ctx.S, from), to: name(ctx.S, to)}));
  const close = el('button', {type: 'button', class: 'secondary', id: 'close-paths', on: {click: () => ctx.closePaths()}},
      t('explorer.closePaths'));
  if (answer instanceof Error) {
    return fill(box, title, problem(answer), close);
  }
  if (!answer.paths.length) {
    return fill(box, title, el('p', {class: 'note'}, t('explorer.pathsNone')), close);
  }
  fill(box, title, el('ol', {class: 'paths'}, answer.paths.map((p, i) => el('li', {dataset: {index: i}},
      el('button', {type: 'button', class: i === active ? '' : 'secondary', 'aria-pressed': String(i === active),
        on: {click: () => ctx.highlightPath(i)}},
      t('explorer.path', {n: i + 1, hops: p.hops, strength: number(p.strength)})),
      el('ol', {class: 'steps'}, p.actors.map((id, j) => el('li', {dataset: {id}},
          j > 0 ? el('span', {class: 'tie'}, `${t(`explorer.tie.${p.ties[j - 1]}`)} → `) : null,
          actorButton(ctx, id))))))), close);
  return box;
}

/** The articulation points, bridges and actors without ties. */
export function showFragile(box, ctx, fragility) {
  box.hidden = false;
  const n = fragility.names || {};
  const label = id => name(ctx.S, id) === id && n[id] ? n[id] : name(ctx.S, id);
  return fill(box,
      el('h3', {}, t('explorer.fragile')),
      el('p', {class: 'note'}, t('explorer.fragileIntro')),
      el('h4', {}, t('explorer.cutPoints', {n: fragility.articulationPoints.length})),
      list('cut-points', fragility.articulationPoints.map(id => el('li', {dataset: {id}}, actorButton(ctx, id, label(id))))),
      el('h4', {}, t('explorer.bridges', {n: fragility.bridges.length})),
      list('bridges', fragility.bridges.map(([a, b]) => el('li', {dataset: {id: `${a}|${b}`, from: a, to: b}},
          actorButton(ctx, a, label(a)), ' — ', actorButton(ctx, b, label(b))))),
      el('h4', {}, t('explorer.isolated', {n: fragility.isolated.length})),
      list('isolated', fragility.isolated.map(id => el('li', {dataset: {id}}, actorButton(ctx, id, label(id))))));
}

function list(id, items) {
  return items.length ? el('ul', {id, class: 'rows'}, items) : el('p', {id, class: 'note'}, t('explorer.none'));
}

const LIST_LIMIT = 200;

/** The accessible list of actors: each row a button that selects it (the canvas is not keyboard-reachable). */
export function showActorList(ctx, actors) {
  const {S} = ctx;
  const sorted = [...actors].sort((a, b) => a.name.localeCompare(b.name, lang()));
  fill(document.getElementById('actors-title'), t('explorer.actorsCount', {n: sorted.length}));
  fill(document.getElementById('actors'), sorted.slice(0, LIST_LIMIT).map(a => el('li', {dataset: {id: a.id}},
      el('button', {type: 'button', class: 'link', 'aria-current': a.id === S.selected ? 'true' : null,
        on: {click: () => ctx.select(a.id, {centre: true})}},
      swatch(a.group, group(a.group).colour), a.name),
      el('span', {class: 'note'}, ` ${kindLabel(a)}`))));
  fill(document.getElementById('actors-more'),
      sorted.length > LIST_LIMIT ? t('explorer.actorsMore', {n: sorted.length - LIST_LIMIT})
        : sorted.length ? '' : t('explorer.noActors'));
}
