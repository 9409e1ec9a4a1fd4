// Node's own import(), for modules jest's sandbox cannot load (ES modules using import.meta):
// required with Node's require (lib.ts), so that this import() is Node's, not jest's.
module.exports = (url) => import(url);
