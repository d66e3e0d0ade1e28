// The console entry of the petitions plugin: navigation and routes (browser-safe).
export const petitionsAdmin = {
  id: 'petitions',
  nav: [] as { label: string; to: string }[],
};
