// Central mock of lightning/uiRecordApi (mapped by moduleNameMapper in jest.lwc.config.cjs):
// getRecord and getObjectInfo are LDS test wire adapters that a test emits data or errors into;
// updateRecord and notifyRecordUpdateAvailable are jest mocks a test inspects.
import { createLdsTestWireAdapter } from '@salesforce/sfdx-lwc-jest';

export const getRecord = createLdsTestWireAdapter(jest.fn());
export const updateRecord = jest.fn(() => Promise.resolve({}));
export const notifyRecordUpdateAvailable = jest.fn(() => Promise.resolve());
export const getFieldValue = jest.fn();
