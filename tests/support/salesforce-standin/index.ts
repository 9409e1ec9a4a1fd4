export * from './server';
export * from './fixtures';
export * from './cli';
export * from './connection';
export * from './projects';
