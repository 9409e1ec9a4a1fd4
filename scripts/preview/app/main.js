// The preview page: a sample picker and the panel as it sits on an Opportunity record page.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import WalkAwayPanel from 'c/walkAwayPanel';
import { touch } from '../stubs/store';

const data = globalThis.__WALKAWAY_PREVIEW__;
const params = new URLSearchParams(globalThis.location.search);
const records = data.records.map((r) => r.flat);
const currentId = records.some((r) => r.Id === params.get('id')) ? params.get('id') : records[0] && records[0].Id;

function go(changes) {
  const next = new URLSearchParams(globalThis.location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  globalThis.location.search = next.toString();
}

const picker = document.getElementById('sample');
for (const record of records) {
  const option = document.createElement('option');
  option.value = record.Id;
  option.textContent = `${record.Name || record.Id}`; // text, never markup
  option.selected = record.Id === currentId;
  picker.appendChild(option);
}
picker.addEventListener('change', () => go({ id: picker.value }));

const index = records.findIndex((r) => r.Id === currentId);
document.getElementById('previous').addEventListener('click', () => {
  if (index > 0) go({ id: records[index - 1].Id });
});
document.getElementById('next').addEventListener('click', () => {
  if (index < records.length - 1) go({ id: records[index + 1].Id });
});
document.getElementById('previous').disabled = index <= 0;
document.getElementById('next').disabled = index >= records.length - 1;
document.getElementById('position').textContent = `${index + 1} / ${records.length}`;

const language = document.getElementById('language');
language.value = params.get('lang') === 'in' ? 'in' : 'en';
language.addEventListener('change', () => go({ lang: language.value === 'in' ? 'in' : null }));

const readOnly = document.getElementById('readonly');
readOnly.checked = params.get('readonly') === '1';
readOnly.addEventListener('change', () => go({ readonly: readOnly.checked ? '1' : null }));

document.getElementById('conflict').addEventListener('click', () => touch(currentId));
document.getElementById('source').textContent = `${data.source} · as of ${data.asOf}`;

if (currentId) {
  const panel = createElement('c-walk-away-panel', { is: WalkAwayPanel });
  panel.recordId = currentId;
  document.getElementById('panel').appendChild(panel);
}
