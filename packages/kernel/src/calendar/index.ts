export * from './dates.js';
export * from './working-calendar.js';
