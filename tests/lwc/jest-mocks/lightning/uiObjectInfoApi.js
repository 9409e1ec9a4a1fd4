// Central mock of lightning/uiObjectInfoApi: getObjectInfo and getPicklistValues as LDS test wire adapters.
import { createLdsTestWireAdapter } from '@salesforce/sfdx-lwc-jest';

export const getObjectInfo = createLdsTestWireAdapter(jest.fn());
export const getPicklistValues = createLdsTestWireAdapter(jest.fn());
