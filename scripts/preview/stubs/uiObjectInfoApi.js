// Stand-in for lightning/uiObjectInfoApi: getObjectInfo for Opportunity. Every Walk-Away field is
// updateable, unless the page was opened with ?readonly=1 (a user who may only read).
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
    this.dataCallback({ data: { apiName: 'Opportunity', fields }, error: undefined });
  }

  connect() {}

  disconnect() {}
}
