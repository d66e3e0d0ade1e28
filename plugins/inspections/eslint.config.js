export { default } from '@zhengfa/eslint-config';
