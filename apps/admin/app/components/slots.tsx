// Draws the plugins' slots a page's loader returned (lib/slots.ts): each in a card with the
// plugin's title, its component given the loaded data, or the reason it could not load.
import { Alert, Card } from 'antd';
import type { AdminPlugin } from '@zhengfa/plugin-api/admin';
import { casePanelOf, dashboardCardOf, type SlotData } from '../lib/slots.js';

function Failed({ error }: { error: string }) {
  return <Alert type="warning" showIcon message={error} />;
}

export function CasePanels({ panels, modules, caseId }: { panels: readonly SlotData[]; modules: readonly AdminPlugin[]; caseId: string }) {
  return (
    <>
      {panels.map((p) => {
        const slot = casePanelOf(modules, p);
        if (!slot) return null;
        const Panel = slot.Panel;
        return (
          <Card key={`${p.pluginId}:${p.key}`} size="small" title={p.title} style={{ marginBottom: 16 }} data-testid={`case-panel-${p.pluginId}-${p.key}`}>
            {p.error ? <Failed error={p.error} /> : <Panel data={p.data} caseId={caseId} />}
          </Card>
        );
      })}
    </>
  );
}

export function DashboardCards({ cards, modules }: { cards: readonly SlotData[]; modules: readonly AdminPlugin[] }) {
  return (
    <>
      {cards.map((c) => {
        const slot = dashboardCardOf(modules, c);
        if (!slot) return null;
        const Body = slot.Card;
        return (
          <Card key={`${c.pluginId}:${c.key}`} size="small" title={c.title} data-testid={`dashboard-card-${c.pluginId}-${c.key}`}>
            {c.error ? <Failed error={c.error} /> : <Body data={c.data} />}
          </Card>
        );
      })}
    </>
  );
}
