// Which fund an account sees: its own region when that is a fund (a city, or the province); district accounts see none,
// since the fund and its cap are kept city-wide (鲁人社发〔2024〕8号 第六条、第八条).
import { regionKind, regionLabel } from '../../shared/regions.ts';
import type { Staff } from '../../shared/session.ts';

export function fundRegionOf(staff: Staff): string | undefined {
  const kind = regionKind(staff.regionCode);
  return kind === 'city' || kind === 'province' ? staff.regionCode : undefined;
}

export function notAFundText(staff: Staff): string {
  return `基金按统筹地区（设区市）监测和管理，您的账号管辖${regionLabel(staff.regionCode)}，此处不显示。`;
}
