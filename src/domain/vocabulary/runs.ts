// A screening run's states (`interrupted` is a running run whose process is gone, as the run list reports it).

export type RunStatus = 'running' | 'completed' | 'failed' | 'interrupted';
export const runStatusLabels: Readonly<Record<RunStatus, string>> = {
  running: '运行中',
  completed: '已完成',
  failed: '失败',
  interrupted: '已中断',
};
