// To-dos: what is waiting for the signed-in user in a plugin, with counts and a link to the
// list that holds them. Plugins provide them on the server (`definePlugin({ todos })`, counts
// need the database); the kernel gathers the enabled plugins' (`workbench.todos`) and the
// console's workbench renders them. Browser-safe: types only.

export interface TodoItem {
  /** Unique within the plugin, e.g. 'awaiting-routing'. */
  key: string;
  /** Chinese, what is waiting, e.g. '待转送交办'. */
  label: string;
  /** How many items wait for this user (0: the item is not shown). */
  count: number;
  /** The console path that lists them, e.g. '/petitions/matters?status=registered'. */
  link: string;
  /** The day ('YYYY-MM-DD') the oldest of them started waiting, when the plugin knows it. */
  oldest?: string | null;
}

/** One plugin's to-dos as the kernel's `workbench.todos` returns them. */
export interface PluginTodos {
  pluginId: string;
  pluginName: string;
  items: TodoItem[];
  /** The provider failed: a Chinese message instead of its items (the others still show). */
  error?: string;
}
