// The console entry (browser-safe): navigation, pages (routes.json) and slots.
import { AuditOutlined, FormOutlined, PlusOutlined, ProfileOutlined, SolutionOutlined } from '@ant-design/icons';
import { dashboardCard, defineAdminPlugin, type RouteManifest } from '@zhengfa/plugin-api/admin';
import { createElement } from 'react';
import { INSPECTIONS_PLUGIN_ID } from '../ids.js';
import { kit } from './api.js';
import { CampaignsCard } from './card.js';
import manifest from './routes.json' with { type: 'json' };
import { strings } from './strings.js';

export default defineAdminPlugin({
  id: INSPECTIONS_PLUGIN_ID,
  nav: [
    { label: strings.navCampaigns, to: '/inspections', icon: createElement(AuditOutlined), permissions: ['inspections.manage'] },
    // --- Console pages (new campaign, checklists, the reviewer's tasks, the unit's page).
    { label: strings.pages.nav.newCampaign, to: '/inspections/new', icon: createElement(PlusOutlined), permissions: ['inspections.manage'] },
    { label: strings.pages.nav.checklists, to: '/inspections/checklists', icon: createElement(ProfileOutlined), permissions: ['inspections.manage'] },
    { label: strings.pages.nav.review, to: '/inspections/review', icon: createElement(FormOutlined), permissions: ['inspections.review'] },
    { label: strings.pages.nav.unit, to: '/inspections/unit', icon: createElement(SolutionOutlined), permissions: ['inspections.unit'] },
  ],
  routes: (manifest as RouteManifest).routes,
  dashboardCards: [
    dashboardCard({
      key: 'campaigns',
      title: strings.card,
      permissions: ['inspections.manage'],
      load: ({ context, request }) =>
        kit.load({ context, request }, async (c) => ({ count: (await c.inspections.campaigns.list()).filter((x) => x.status !== 'closed').length })),
      Card: CampaignsCard,
    }),
  ],
});
