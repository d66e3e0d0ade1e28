// Shared with plugins' pages through @zhengfa/ui.
export { callErrorOf, type CallError } from '@zhengfa/ui';
