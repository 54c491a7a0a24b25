// The explorer's graph: Cytoscape with the fcose layout (global scripts loaded by the page), its
// style, and the overlays (selection, paths, fragility). Labels are canvas text: a name with markup
// is drawn as it is, never parsed.

/* global cytoscape */

/**
 * Kinds of actor as the legend groups them: a colour of the Okabe–Ito palette and a shape each, so
 * that the kind never rests on colour alone.
 */
export const GROUPS = [
  {id: 'coop', colour: '#0072b2', shape: 'ellipse'},
  {id: 'consortium', colour: '#d55e00', shape: 'diamond'},
  {id: 'municipality', colour: '#009e73', shape: 'round-rectangle'},
  {id: 'health', colour: '#56b4e9', shape: 'hexagon'},
  {id: 'third', colour: '#e69f00', shape: 'triangle'},
  {id: 'foundation', colour: '#cc79a7', shape: 'star'},
  {id: 'other', colour: '#999999', shape: 'rectangle'},
];

/** Colours of communities, cycled when there are more communities than colours. */
export const COMMUNITY_COLOURS = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#999999'];

const PARTNER_GROUP = {
  MUNICIPALITY: 'municipality', HEALTH_AGENCY: 'health', ASSOCIATION: 'third', VOLUNTEER_GROUP: 'third',
  FOUNDATION: 'foundation',
};

/** The legend group of an actor: `{kind: 'COOPERATIVE'|'PARTNER', type}`. */
export function groupOf(actor) {
  if (actor.kind === 'COOPERATIVE') {
    return actor.type === 'CONSORTIUM' ? 'consortium' : 'coop';
  }
  return PARTNER_GROUP[actor.type] || 'other';
}

export function group(id) {
  return GROUPS.find(g => g.id === id);
}

/** The key of an unordered pair of actors: one edge per tied pair, as paths and fragility count them. */
export function pairKey(a, b) {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

const STYLE = [
  {selector: 'node', style: {
    'background-color': 'data(colour)', shape: 'data(shape)', width: 'data(size)', height: 'data(size)',
    'font-size': 11, color: '#1d1d1f', 'text-valign': 'bottom', 'text-margin-y': 3,
    'text-wrap': 'ellipsis', 'text-max-width': '150px',
    'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
    'border-width': 1, 'border-color': '#1d1d1f',
  }},
  // Names only where they help: the main brokers, the chosen actor, paths and cut points, the one
  // under the pointer (every name at once would be a grey blur); the list beside names them all.
  {selector: 'node.named, node.chosen, node.path, node.cut, node.hover', style: {label: 'data(label)'}},
  {selector: 'edge', style: {
    width: 'data(width)', 'line-color': '#8c8c96', 'curve-style': 'straight', opacity: 0.8,
  }},
  {selector: 'edge[label]', style: {
    label: 'data(label)', 'font-size': 10, 'text-background-color': '#ffffff', 'text-background-opacity': 0.85,
  }},
  {selector: 'node.cut', style: {'border-width': 6, 'border-style': 'double', 'border-color': '#d55e00'}},
  {selector: 'edge.bridge', style: {'line-color': '#d55e00', 'line-style': 'dashed', width: 5, opacity: 1}},
  {selector: '.faded', style: {opacity: 0.18}},
  {selector: 'node.path', style: {'border-width': 4, 'border-color': '#000000', 'z-index': 10}},
  {selector: 'edge.path', style: {'line-color': '#000000', width: 5, opacity: 1, 'z-index': 10}},
  {selector: 'edge.extra', style: {'line-style': 'dotted'}},
  {selector: 'node.chosen', style: {
    'border-width': 5, 'border-color': '#000000', 'underlay-color': '#ffb000', 'underlay-opacity': 0.6,
    'underlay-padding': 6, 'z-index': 20,
  }},
];

/** A Cytoscape instance in `container`, empty; `onTap(node)` on a click or tap of a node. */
export function createGraph(container, onTap) {
  const cy = cytoscape({
    container, style: STYLE, minZoom: 0.1, maxZoom: 4, wheelSensitivity: 0.4,
    boxSelectionEnabled: false, autounselectify: true,
  });
  cy.on('tap', 'node', event => onTap(event.target));
  cy.on('mouseover', 'node', event => event.target.addClass('hover'));
  cy.on('mouseout', 'node', event => event.target.removeClass('hover'));
  // Names keep one size on the screen, whatever the zoom.
  let pending = false;
  cy.on('zoom', () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        readable(cy);
      });
    }
  });
  return cy;
}

function readable(cy) {
  const zoom = cy.zoom();
  const grid = cy.scratch('grid');
  // The whole sheet again (appending a rule on every zoom would grow it without end).
  cy.style([...STYLE, {selector: 'node', style: {
    'font-size': 11 / zoom,
    'text-max-width': `${grid || 150 / zoom}px`,
    'text-margin-y': 3 / zoom,
  }}, {selector: 'edge[label]', style: {'font-size': 11 / zoom}}]);
}

/** Replaces the elements and lays them out; answers when the layout has stopped. */
export function draw(cy, elements) {
  // The container may have changed size since the last drawing (the side panel, a tablet turned).
  cy.resize();
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
  });
  const nodes = cy.nodes().length;
  const layout = cy.edges().length === 0
    ? {name: 'grid', avoidOverlap: true, padding: 20, sort: (a, b) => a.data('order') - b.data('order')}
    : {name: 'fcose', quality: nodes > 300 ? 'draft' : 'default', randomize: true, animate: false,
      padding: 20, nodeRepulsion: 16000, idealEdgeLength: 110, nodeSeparation: 110, numIter: nodes > 1000 ? 800 : 2500};
  return new Promise(resolve => {
    const run = cy.layout(layout);
    run.one('layoutstop', () => {
      name(cy);
      cy.fit(undefined, 24);
      readable(cy);
      resolve();
    });
    run.run();
  });
}

/** Which nodes carry their name: all of a grid (actors without ties), else the largest ones. */
function name(cy) {
  const nodes = cy.nodes();
  const grid = cy.edges().length === 0;
  nodes.removeClass('named');
  if (nodes.some(n => n.data('district'))) {
    cy.scratch('grid', null);
    nodes.addClass('named');
  } else if (grid) {
    // A grid cell's width, in model units, so that names end before the next node.
    const box = nodes.boundingBox({includeLabels: false});
    const columns = Math.max(1, Math.ceil(Math.sqrt(nodes.length * (box.w || 1) / (box.h || 1))));
    cy.scratch('grid', Math.max(40, (box.w / columns) * 0.95));
    nodes.addClass('named');
  } else {
    cy.scratch('grid', null);
    nodes.sort((a, b) => b.data('size') - a.data('size')).slice(0, Math.min(12, Math.ceil(nodes.length / 3)))
        .addClass('named');
  }
  readable(cy);
}

/** Clears the path overlay: classes, faded elements and the edges added to draw a path. */
export function clearPath(cy) {
  cy.remove('.extra');
  cy.elements().removeClass('path faded');
}

/**
 * Highlights a path of actor ids: its nodes and the edges between them; the rest fades. A step
 * outside the drawn graph (filtered away) is added for the time of the highlight.
 */
export function showPath(cy, actors, nodeData) {
  clearPath(cy);
  let placed = cy.nodes().length ? cy.nodes().boundingBox() : {x1: 0, y1: 0, x2: 100, y2: 100};
  actors.forEach((id, i) => {
    if (cy.getElementById(id).empty()) {
      const previous = i > 0 ? cy.getElementById(actors[i - 1]) : null;
      const at = previous && previous.nonempty()
        ? {x: previous.position('x') + 60, y: previous.position('y') + 40}
        : {x: placed.x2 + 40, y: placed.y1 + 40 * i};
      cy.add({group: 'nodes', data: nodeData(id), position: at, classes: 'extra'});
    }
  });
  cy.elements().addClass('faded');
  actors.forEach((id, i) => {
    cy.getElementById(id).removeClass('faded').addClass('path');
    if (i > 0) {
      const key = pairKey(actors[i - 1], id);
      let edge = cy.getElementById(key);
      if (edge.empty()) {
        edge = cy.add({group: 'edges', data: {id: key, source: actors[i - 1], target: id, width: 2}, classes: 'extra'});
      }
      edge.removeClass('faded').addClass('path');
    }
  });
}

/** Marks the articulation points and bridges of `fragility`, or clears them when null. */
export function showFragility(cy, fragility) {
  cy.elements().removeClass('cut bridge');
  if (!fragility) {
    return;
  }
  for (const id of fragility.articulationPoints) {
    cy.getElementById(id).addClass('cut');
  }
  for (const [a, b] of fragility.bridges) {
    cy.getElementById(pairKey(a, b)).addClass('bridge');
  }
}

/** Marks the chosen actor, and centres it when asked. */
export function choose(cy, id, centre) {
  cy.nodes().removeClass('chosen');
  if (!id) {
    return;
  }
  const node = cy.getElementById(id);
  node.addClass('chosen');
  if (centre && node.nonempty()) {
    // Only when out of sight: a graph that moves at every click loses the reader.
    const at = node.renderedPosition();
    if (at.x < 0 || at.y < 0 || at.x > cy.width() || at.y > cy.height()) {
      cy.center(node);
    }
  }
}
