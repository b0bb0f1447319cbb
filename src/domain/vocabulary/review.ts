// A review batch's states (maker-checker: a case worker proposes, a different reviewer approves or returns).

export type ReviewBatchStatus = 'proposed' | 'approved' | 'returned';
export const reviewBatchStatusLabels: Readonly<Record<ReviewBatchStatus, string>> = {
  proposed: '待复核',
  approved: '已通过',
  returned: '已退回',
};
