// The console entry (browser-safe): navigation, pages (routes.json) and slots.
import { ApartmentOutlined, BarChartOutlined, FormOutlined, ScheduleOutlined, TeamOutlined } from '@ant-design/icons';
import { casePanel, dashboardCard, defineAdminPlugin, type RouteManifest } from '@zhengfa/plugin-api/admin';
import { createElement } from 'react';
import { DISPUTE_CASE_KIND, MEDIATION_PLUGIN_ID } from '../ids.js';
import { kit } from './api.js';
import { TriageCard, YearCard } from './card.js';
import manifest from './routes.json' with { type: 'json' };
import { strings } from './strings.js';
// The dispute page's workbench and case panel (wt-med-pages).
import { disputeOfCase, DisputeCasePanel } from './case-panel.js';
import { casePanelStrings, intake, workbench } from './strings.js';

export default defineAdminPlugin({
  id: MEDIATION_PLUGIN_ID,
  nav: [
    { label: strings.nav, to: '/mediation', icon: createElement(TeamOutlined), permissions: ['mediation.read'] },
    { label: intake.nav, to: '/mediation/register', icon: createElement(FormOutlined), permissions: ['mediation.intake'] },
    { label: workbench.nav, to: '/mediation/workbench', icon: createElement(TeamOutlined), permissions: ['mediation.read'] },
    { label: strings.navRoster, to: '/mediation/roster', icon: createElement(ApartmentOutlined), permissions: ['mediation.read'] },
    { label: strings.navRota, to: '/mediation/rota', icon: createElement(ScheduleOutlined), permissions: ['mediation.read'] },
    { label: strings.navStatistics, to: '/mediation/statistics', icon: createElement(BarChartOutlined), permissions: ['mediation.stats'] },
  ],
  routes: (manifest as RouteManifest).routes,
  casePanels: [
    // wt-med-pages: a kernel matter escalated from a dispute (status 'escalated' keeps the link).
    casePanel({
      key: 'dispute',
      title: casePanelStrings.title,
      caseKinds: [DISPUTE_CASE_KIND],
      permissions: ['mediation.read'],
      load: ({ context, request, caseId }) =>
        kit.load({ context, request }, async (c) => disputeOfCase(await c.mediation.disputes.list({ status: 'escalated' }), caseId)),
      Panel: DisputeCasePanel,
    }),
  ],
  dashboardCards: [
    dashboardCard({
      key: 'triage',
      title: strings.card,
      permissions: ['mediation.read'],
      load: ({ context, request }) =>
        kit.load({ context, request }, async (c) => {
          const awaiting = await c.mediation.disputes.list({ status: 'registered' });
          return { awaiting: awaiting.length, overdue: awaiting.filter((d) => d.overdue).length };
        }),
      Card: TriageCard,
    }),
    dashboardCard({
      key: 'year',
      title: strings.yearCard.title,
      permissions: ['mediation.stats'],
      load: ({ context, request }) =>
        kit.load({ context, request }, async (c) => {
          const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
          const f = await c.mediation.statistics.summary({ from: `${year}-01-01`, to: `${year}-12-31` });
          return { disputes: f.disputes, persons: f.persons, successRate: f.successRate };
        }),
      Card: YearCard,
    }),
  ],
});
