// The unit picker lives in @zhengfa/ui so plugins' pages use the same one.
export { UnitSelect, type UnitOption } from '@zhengfa/ui';
