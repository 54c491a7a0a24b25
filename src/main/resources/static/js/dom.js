// Building the page without innerHTML: every name from the network is text, never markup.

/**
 * A new element: `el('tr', {dataset: {id}}, el('td', {}, name))`. Attributes go through
 * setAttribute (`class`, `aria-*`, ...), `dataset` and `on` ({click: fn}) are applied as such;
 * children are nodes or strings (strings become text nodes).
 */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'dataset') {
      Object.assign(e.dataset, value);
    } else if (name === 'on') {
      for (const [event, handler] of Object.entries(value)) {
        e.addEventListener(event, handler);
      }
    } else {
      e.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(e, children);
  return e;
}

function append(parent, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of `parent`. */
export function fill(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
  return parent;
}
