// Messages of the renderer: the few texts the preview adds to a report (an export adds none).
// Merged into the one bundle per locale by messages.ts.

export const zh = {
  renderComputed: '未填写，按各项之和计算',
  renderUnplaced: '以下内容未列入法定表格：',
} as const;

export const en: Record<keyof typeof zh, string> = {
  renderComputed: 'Left out by the author: computed from the other cells',
  renderUnplaced: 'Not placed in the statutory table:',
};
