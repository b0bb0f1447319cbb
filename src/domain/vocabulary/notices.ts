// A public notice's states (公示, 鲁人社发〔2024〕8号 第七条).

export type NoticeStatus = 'open' | 'closed';
export const noticeStatusLabels: Readonly<Record<NoticeStatus, string>> = { open: '公示中', closed: '已结束' };
