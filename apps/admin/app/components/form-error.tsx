// Shared with plugins' pages through @zhengfa/ui.
export { FormError } from '@zhengfa/ui';
