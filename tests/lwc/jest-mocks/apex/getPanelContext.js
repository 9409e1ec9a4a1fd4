// Central mock of @salesforce/apex/WalkAwayController.getPanelContext: an Apex test wire adapter
// (tests call getPanelContext.emit / .error), as the LDS adapters beside it.
import { createApexTestWireAdapter } from '@salesforce/sfdx-lwc-jest';

export default createApexTestWireAdapter(jest.fn());
