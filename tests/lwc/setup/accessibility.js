// `expect(element).toBeAccessible()`: local checks that see through the base-component stubs
// (every lightning-* form control, button and role="img" named; ids unique; aria-labelledby
// resolves), then, when @sa11y/jest is installed, the sa11y matcher (axe-core with Salesforce's
// rule set) on the rendered DOM.
let sa11y = null;
try {
  sa11y = require('@sa11y/jest').toBeAccessible;
} catch {
  sa11y = null;
}

function allElements(root) {
  const found = [];
  const visit = (node) => {
    for (const child of node.children || []) {
      found.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  visit(root.shadowRoot || root);
  return found;
}

function accessibleName(el) {
  const text = (v) => (v === undefined || v === null ? '' : String(v).trim());
  if (text(el.getAttribute('aria-label'))) return el.getAttribute('aria-label');
  if (el.label !== undefined && text(el.label)) return el.label; // lightning-* base components
  if (text(el.textContent)) return el.textContent;
  return '';
}

expect.extend({
  async toBeAccessible(element, ...rest) {
    const problems = [];
    const els = allElements(element);
    const ids = new Map();
    for (const el of els) {
      const tag = el.tagName.toLowerCase();
      if (el.id) ids.set(el.id, (ids.get(el.id) || 0) + 1);
      if (['lightning-input', 'lightning-combobox', 'lightning-radio-group', 'lightning-textarea'].includes(tag)) {
        if (!accessibleName(el)) problems.push(`${tag} has no label`);
      }
      if ((tag === 'button' || tag === 'lightning-button') && !accessibleName(el)) {
        problems.push(`${tag} has no accessible name`);
      }
      if (el.getAttribute('role') === 'img' && !accessibleName(el)) problems.push('role="img" without a name');
      if (tag === 'img' && !el.hasAttribute('alt')) problems.push('img without alt');
      const labelledby = el.getAttribute('aria-labelledby');
      if (labelledby && !els.some((other) => other.id === labelledby)) {
        problems.push(`aria-labelledby="${labelledby}" points nowhere`);
      }
    }
    for (const [id, count] of ids) if (count > 1) problems.push(`id "${id}" used ${count} times`);
    if (problems.length === 0 && sa11y) return sa11y.call(this, element, ...rest);
    return {
      pass: problems.length === 0,
      message: () => `expected the element to be accessible:\n${problems.join('\n')}`,
    };
  },
});
