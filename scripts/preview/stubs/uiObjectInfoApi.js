// Stand-in for lightning/uiObjectInfoApi: getObjectInfo for Opportunity (every Walk-Away field is
// updateable, unless the page was opened with ?readonly=1, a user who may only read) and
// getPicklistValues (values and labels from the field metadata, in the page's data island).
export const MASTER_RECORD_TYPE_ID = '012000000000000AAA';
const readOnly = new URLSearchParams(globalThis.location ? globalThis.location.search : '').get('readonly') === '1';
const LABELS = {
  Amount: 'Amount',
  Direct_Cost__c: 'Direct Cost',
  Allocated_Overhead__c: 'Allocated Overhead',
};

export class getObjectInfo {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
  }

  update() {
    const fields = new Proxy(
      {},
      {
        get: (target, name) => {
          if (typeof name !== 'string') return undefined;
          return {
            apiName: name,
            label: LABELS[name] || name,
            updateable: !(readOnly && name.startsWith('Walk_Away_')),
          };
        },
      },
    );
    this.dataCallback({
      data: { apiName: 'Opportunity', defaultRecordTypeId: MASTER_RECORD_TYPE_ID, fields },
      error: undefined,
    });
  }

  connect() {}

  disconnect() {}
}

export class getPicklistValues {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
  }

  update(config) {
    const field = config.fieldApiName && config.fieldApiName.fieldApiName;
    const picklists = (globalThis.__WALKAWAY_PREVIEW__ || {}).picklists || {};
    if (!config.recordTypeId || !field) return;
    if (picklists[field]) {
      this.dataCallback({
        data: { controllerValues: {}, defaultValue: null, values: picklists[field] },
        error: undefined,
      });
    } else {
      this.dataCallback({ data: undefined, error: { status: 404, body: [{ message: `No picklist ${field}` }] } });
    }
  }

  connect() {}

  disconnect() {}
}
