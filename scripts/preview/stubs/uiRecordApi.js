// Stand-in for lightning/uiRecordApi: getRecord (wire adapter), updateRecord (with the
// ifUnmodifiedSince check) and notifyRecordUpdateAvailable, over the preview store.
import { flatRecord, listen, update, refresh } from './store';

function fieldPath(field) {
  const name = typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`;
  return name.split('.').slice(1);
}

/** The flat record as LDS shapes it: { fields: { Name: { value }, Account: { value: { fields } } } }. */
function ldsRecord(recordId, config) {
  const flat = flatRecord(recordId);
  if (!flat) return null;
  const record = {
    apiName: 'Opportunity',
    id: recordId,
    recordTypeId: '012000000000000AAA',
    fields: {},
    lastModifiedDate: flat.LastModifiedDate,
  };
  const wanted = [...(config.fields || []), ...(config.optionalFields || [])];
  for (const field of wanted) {
    const path = fieldPath(field);
    const key = path.join('.');
    if (!(key in flat)) continue; // an optional field the "org" does not have
    let target = record.fields;
    for (const part of path.slice(0, -1)) {
      if (!target[part]) target[part] = { value: { apiName: part, fields: {} }, displayValue: null };
      target = target[part].value.fields;
    }
    target[path[path.length - 1]] = { value: flat[key], displayValue: null };
  }
  return record;
}

export class getRecord {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
    this.config = null;
    this.stop = null;
  }

  update(config) {
    this.config = config;
    if (this.stop) this.stop();
    if (config.recordId) this.stop = listen(config.recordId, () => this.emit());
    this.emit();
  }

  emit() {
    if (!this.config || !this.config.recordId) return;
    const data = ldsRecord(this.config.recordId, this.config);
    if (data) this.dataCallback({ data, error: undefined });
    else
      this.dataCallback({
        data: undefined,
        error: { status: 404, body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }] },
      });
  }

  connect() {}

  disconnect() {
    if (this.stop) this.stop();
  }
}

export function updateRecord(recordInput, clientOptions = {}) {
  const { Id, ...fields } = recordInput.fields;
  const failure = update(Id, fields, clientOptions.ifUnmodifiedSince);
  return failure ? Promise.reject(failure) : Promise.resolve(ldsRecord(Id, { optionalFields: [] }));
}

export function notifyRecordUpdateAvailable(items) {
  for (const item of items) refresh(item.recordId);
  return Promise.resolve();
}
