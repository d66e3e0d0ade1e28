// Masking for exports (个人信息保护法): the same shapes as the kernel's masking, so a masked
// ledger reads like the console: 张三 → 张*, 欧阳娜娜 → 欧***, a one-character name → *.
const NAME_SEPARATORS = new Set(['·', '•', '・', '.']);

export function maskName(name: string): string {
  const c = Array.from((name ?? '').trim());
  if (c.length <= 1) return '*'.repeat(c.length);
  return c[0]! + c.slice(1).map((ch) => (NAME_SEPARATORS.has(ch) ? ch : '*')).join('');
}
