// Central mock of lightning/uiObjectInfoApi: getObjectInfo as an LDS test wire adapter.
import { createLdsTestWireAdapter } from '@salesforce/sfdx-lwc-jest';

export const getObjectInfo = createLdsTestWireAdapter(jest.fn());
