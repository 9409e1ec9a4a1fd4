// Walk-Away scoring engine: the one source of truth for every rule. Pure TypeScript, no I/O.
// The CLI imports it directly; scripts/build-engine.mjs bundles it into lwc/walkAwayEngine.
export * from './codes.js';
export * from './parse.js';
export * from './countries.js';
export * from './money.js';
export * from './policy.js';
export * from './opportunity.js';
export * from './redFlagValues.js';
export * from './fieldKinds.js';
export * from './selectPolicy.js';
export * from './priceLimits.js';
export * from './finding.js';
export * from './batna.js';
export * from './pipeline.js';
export * from './currency.js';
export * from './verdict.js';
export * from './score.js';
export * from './outputFields.js';
export * from './exceptionRoute.js';
export * from './explain.js';
export { unmetConditions } from './findings/reengagement.js';
