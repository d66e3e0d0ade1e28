// Shared with plugins' pages through @zhengfa/ui.
export { toFormData } from '@zhengfa/ui';
