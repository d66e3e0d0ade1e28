// The console entry of the petitions plugin (browser-safe): its navigation, its pages (the
// route manifest beside this file) and its slots: the petition's panel on the kernel's case
// page and this year's figures on the workbench. The console reads it for every deployment
// that installs the plugin (apps/server/plugins.json) and shows it where the plugin is enabled.
import { BarChartOutlined, CalendarOutlined, CloudUploadOutlined, FormOutlined, ProfileOutlined } from '@ant-design/icons';
import { casePanel, dashboardCard, defineAdminPlugin, type RouteManifest } from '@zhengfa/plugin-api/admin';
import dayjs from 'dayjs';
import { createElement } from 'react';
import { PETITION_CASE_KIND, PETITIONS_PLUGIN_ID } from '../ids.js';
import { PetitionCasePanel, PetitionYearCard } from './components/slots.js';
import { kit } from './lib/api.js';
import manifest from './routes.json' with { type: 'json' };
import { strings } from './strings.js';

export default defineAdminPlugin({
  id: PETITIONS_PLUGIN_ID,
  nav: [
    { label: strings.nav.register, to: '/petitions/register', icon: createElement(FormOutlined), permissions: ['petitions.register'] },
    { label: strings.nav.matters, to: '/petitions/matters', icon: createElement(ProfileOutlined), permissions: ['petitions.read'] },
    { label: strings.nav.fourVisits, to: '/petitions/four-visits', icon: createElement(CalendarOutlined), permissions: ['petitions.visits'] },
    { label: strings.nav.statistics, to: '/petitions/statistics', icon: createElement(BarChartOutlined), permissions: ['petitions.stats'] },
    { label: strings.nav.imports, to: '/petitions/imports', icon: createElement(CloudUploadOutlined), permissions: ['petitions.import'] },
  ],
  routes: (manifest as RouteManifest).routes,
  casePanels: [
    casePanel({
      key: 'matter',
      title: strings.slots.casePanel,
      caseKinds: [PETITION_CASE_KIND],
      permissions: ['petitions.read'],
      load: ({ context, request, caseId }) => kit.load({ context, request }, (c) => c.petitions.matters.byCase({ caseId })),
      Panel: PetitionCasePanel,
    }),
  ],
  dashboardCards: [
    dashboardCard({
      key: 'year',
      title: strings.slots.yearCard,
      permissions: ['petitions.stats'],
      load: ({ context, request }) =>
        kit.load({ context, request }, async (c) => {
          const year = dayjs().year();
          const summary = await c.petitions.statistics.summary({ from: `${year}-01-01`, to: `${year}-12-31` });
          return { year, total: summary.total };
        }),
      Card: PetitionYearCard,
    }),
  ],
});
