// Parties, masked by the server; 查看完整信息 asks the server for one party's full data
// (it audits every reveal) and shows it in place.
import { useParams } from '@remix-run/react';
import { Alert, App, Space, Table, Typography } from 'antd';
import { BusyButton } from '@zhengfa/ui';
import { EyeOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { callErrorOf } from '../../lib/trpc-errors.js';
import { browserTrpc } from '../../lib/trpc.client.js';
import type { CaseDetail } from '../../lib/case-page.js';
import { strings } from '../../strings.js';

const s = strings.cases;

type Party = CaseDetail['parties'][number];

export function PartiesPanel({ c }: { c: CaseDetail }) {
  const { message } = App.useApp();
  const params = useParams();
  const [revealed, setRevealed] = useState<Record<string, Party>>({});
  const [busy, setBusy] = useState<string | null>(null);

  async function reveal(p: Party) {
    setBusy(p.id);
    try {
      const full = await browserTrpc().cases.revealParty.mutate({ caseId: params.id ?? c.id, partyId: p.id });
      setRevealed((r) => ({ ...r, [p.id]: full }));
    } catch (err) {
      void message.error(callErrorOf(err)?.message ?? strings.error.network);
    } finally {
      setBusy(null);
    }
  }

  const shown = (p: Party) => revealed[p.id] ?? p;
  const none = strings.common.none;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {c.canReveal && c.parties.length ? <Alert type="info" showIcon message={s.revealNote} /> : null}
      <Table<Party>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.parties}
        locale={{ emptyText: s.noParties }}
        scroll={{ x: 800 }}
        columns={[
          { title: s.partyRole, key: 'role', width: 80, render: (_, p) => s.partyRoles[p.role] ?? p.role },
          { title: s.partyName, key: 'name', width: 100, render: (_, p) => <span data-testid="party-name">{shown(p).name}</span> },
          { title: s.partyIdNumber, key: 'idNumber', width: 190, render: (_, p) => <Typography.Text copyable={Boolean(revealed[p.id]?.idNumber)}>{shown(p).idNumber ?? none}</Typography.Text> },
          { title: s.partyPhone, key: 'phone', width: 130, render: (_, p) => shown(p).phone ?? none },
          { title: s.partyAddress, key: 'address', render: (_, p) => shown(p).address ?? none },
          ...(c.canReveal
            ? [
                {
                  title: strings.common.actions,
                  key: 'reveal',
                  width: 130,
                  render: (_: unknown, p: Party) =>
                    revealed[p.id] ? null : (
                      <BusyButton size="small" type="link" icon={<EyeOutlined />} loading={busy === p.id} onClick={() => void reveal(p)}>
                        {s.reveal}
                      </BusyButton>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
