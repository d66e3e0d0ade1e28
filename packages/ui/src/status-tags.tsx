import { Space, Tag } from 'antd';
import { uiStrings } from './strings.js';

const s = uiStrings;

export type AuditOutcome = 'success' | 'failure' | 'denied';

const outcomeColors: Record<AuditOutcome, string> = { success: 'success', failure: 'warning', denied: 'error' };

/** 成功 / 失败 / 拒绝 of an audit record. */
export function OutcomeTag({ outcome }: { outcome: AuditOutcome }) {
  return <Tag color={outcomeColors[outcome]}>{s.outcome[outcome]}</Tag>;
}

/** The state of a user account: 正常, or any of 已停用 / 已锁定 / 待改密. */
export function UserStatusTags({ disabled, locked, mustChangePassword }: { disabled: boolean; locked: boolean; mustChangePassword?: boolean }) {
  if (!disabled && !locked && !mustChangePassword) return <Tag color="success">{s.user.active}</Tag>;
  return (
    <Space size={4} wrap>
      {disabled ? <Tag>{s.user.disabled}</Tag> : null}
      {locked ? <Tag color="error">{s.user.locked}</Tag> : null}
      {mustChangePassword ? <Tag color="warning">{s.user.mustChangePassword}</Tag> : null}
    </Space>
  );
}

/** 启用 / 已停用 of an organisation. */
export function OrgStatusTag({ disabled }: { disabled: boolean }) {
  return disabled ? <Tag>{s.org.disabled}</Tag> : <Tag color="success">{s.org.active}</Tag>;
}

/** 已启用 / 未启用 of a plugin. */
export function EnabledTag({ enabled }: { enabled: boolean }) {
  return enabled ? <Tag color="success">{s.plugin.enabled}</Tag> : <Tag>{s.plugin.disabled}</Tag>;
}

/** 兼容 / 不兼容 of a plugin with the running kernel. */
export function CompatibleTag({ compatible }: { compatible: boolean }) {
  return compatible ? <Tag color="processing">{s.plugin.compatible}</Tag> : <Tag color="error">{s.plugin.incompatible}</Tag>;
}
