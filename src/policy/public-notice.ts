// 鲁人社发〔2024〕8号 第七条、第八条: the parameters of the refund round's public notice (公示) and of the SMS reminders
// to units that have not yet confirmed; the workflows in src/services/notice and src/services/notify read them.
import { z } from 'zod';
import { declareParameters, shapes } from './core/parameters.ts';

export const publicNoticeParameters = declareParameters('public-notice', {
  workingDays: shapes.days,
  confirmationReminderWorkingDays: z.array(shapes.days.min(1)).min(1),
});
