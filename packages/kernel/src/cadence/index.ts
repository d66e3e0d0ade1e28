export * from './cadence.js';
export * from './deadline.js';
