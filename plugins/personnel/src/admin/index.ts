// The console entry (browser-safe): navigation, pages (routes.json) and slots.
import { AlertOutlined, BarChartOutlined, TrophyOutlined, AuditOutlined, BookOutlined, CalendarOutlined, EditOutlined, FileDoneOutlined, FileTextOutlined, QrcodeOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import { dashboardCard, defineAdminPlugin, type RouteManifest } from '@zhengfa/plugin-api/admin';
import { createElement } from 'react';
import { PERSONNEL_PLUGIN_ID } from '../contract.js';
import { kit } from './api.js';
import { OfficersCard } from './card.js';
import manifest from './routes.json' with { type: 'json' };
import { strings } from './strings.js';

export default defineAdminPlugin({
  id: PERSONNEL_PLUGIN_ID,
  nav: [
    { label: strings.nav, to: '/personnel', icon: createElement(TeamOutlined), permissions: ['personnel.read'] },
    { label: strings.navTraining, to: '/personnel/training', icon: createElement(BookOutlined), permissions: ['personnel.read'] },
    { label: strings.plans.nav, to: '/personnel/training/plans', icon: createElement(FileTextOutlined), permissions: ['personnel.read'] },
    { label: strings.navSessions, to: '/personnel/training/sessions', icon: createElement(CalendarOutlined), permissions: ['personnel.read'] },
    // Every signed-in officer signs in to a session with its code.
    { label: strings.navSignIn, to: '/personnel/sign-in', icon: createElement(QrcodeOutlined) },
    // Every officer with an account sees their own law-enforcement file.
    { label: strings.myFile.nav, to: '/personnel/my-file', icon: createElement(SolutionOutlined) },
    { label: strings.clues.nav, to: '/personnel/clues', icon: createElement(AlertOutlined), permissions: ['personnel.discipline'] },
    { label: strings.sanctions.nav, to: '/personnel/sanctions', icon: createElement(AuditOutlined), permissions: ['personnel.discipline'] },
    { label: strings.commendations.nav, to: '/personnel/commendations', icon: createElement(TrophyOutlined), permissions: ['personnel.commendations'] },
    { label: strings.statistics.nav, to: '/personnel/statistics', icon: createElement(BarChartOutlined), permissions: ['personnel.read', 'personnel.discipline'] },
    // Every officer records 三个规定 matters as themselves.
    { label: strings.conductRecord.nav, to: '/personnel/conduct/record', icon: createElement(EditOutlined) },
    { label: strings.conductReport.nav, to: '/personnel/conduct/report', icon: createElement(FileDoneOutlined), permissions: ['personnel.conduct_report'] },
  ],
  routes: (manifest as RouteManifest).routes,
  dashboardCards: [
    dashboardCard({
      key: 'officers',
      title: strings.card,
      permissions: ['personnel.read'],
      load: ({ context, request }) => kit.load({ context, request }, async (c) => ({ count: (await c.personnel.officers.list({ pageSize: 1 })).total })),
      Card: OfficersCard,
    }),
  ],
});
