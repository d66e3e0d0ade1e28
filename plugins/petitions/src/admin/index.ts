// The console entry of the petitions plugin (browser-safe): its navigation entries and its
// route manifest. The console lists this module explicitly (apps/admin/app/plugins.ts) and
// registers the routes of routes.json explicitly (apps/admin/vite.config.ts); the entries
// appear only when the deployment enables the plugin and the user holds a permission.
import { BarChartOutlined, CalendarOutlined, CloudUploadOutlined, FormOutlined, ProfileOutlined } from '@ant-design/icons';
import { createElement, type ReactNode } from 'react';
import { PETITIONS_PLUGIN_ID } from '../contract.js';
import manifest from './routes.json' with { type: 'json' };
import { strings } from './strings.js';

export interface PetitionsNavItem {
  label: string;
  to: string;
  icon?: ReactNode;
  /** Shown to users holding at least one of these. */
  permissions?: string[];
}

export interface PetitionsRoute {
  id: string;
  path: string;
  /** Relative to this folder. */
  file: string;
  /** 'console': inside the signed-in console layout; 'public': no sign-in. */
  layout: 'console' | 'public';
}

/** The plugin's console routes (the same data apps/admin/vite.config.ts reads). */
export const petitionsRoutes: PetitionsRoute[] = manifest.routes as PetitionsRoute[];

export const petitionsNav: PetitionsNavItem[] = [
  { label: strings.nav.register, to: '/petitions/register', icon: createElement(FormOutlined), permissions: ['petitions.register'] },
  { label: strings.nav.matters, to: '/petitions/matters', icon: createElement(ProfileOutlined), permissions: ['petitions.read'] },
  { label: strings.nav.fourVisits, to: '/petitions/four-visits', icon: createElement(CalendarOutlined), permissions: ['petitions.visits'] },
  { label: strings.nav.statistics, to: '/petitions/statistics', icon: createElement(BarChartOutlined), permissions: ['petitions.stats'] },
  { label: strings.nav.imports, to: '/petitions/imports', icon: createElement(CloudUploadOutlined), permissions: ['petitions.import'] },
];

export const petitionsAdmin = {
  id: PETITIONS_PLUGIN_ID,
  nav: petitionsNav,
  routes: petitionsRoutes,
};

export default petitionsAdmin;
