// Stand-in for @salesforce/apex/WalkAwayController.getPanelContext (cacheable, used with @wire).
import { panelContext } from './store';

export default class getPanelContext {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
  }

  update(config) {
    const data = panelContext(config.opportunityId);
    if (data) this.dataCallback({ data, error: undefined });
    else
      this.dataCallback({
        data: undefined,
        error: {
          status: 500,
          body: { message: 'You do not have access to this opportunity, or it no longer exists.' },
        },
      });
  }

  connect() {}

  disconnect() {}
}
