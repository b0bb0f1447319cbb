// The header of the public-facing pages: the agency's name and the page's purpose.
import { SafetyCertificateTwoTone } from '@ant-design/icons';

export function PortalHeader({ subtitle }: { subtitle: string }) {
  return (
    <div className="portal-header">
      <SafetyCertificateTwoTone style={{ fontSize: 36 }} />
      <div>
        <h1>威海市人力资源和社会保障局</h1>
        <div style={{ color: '#666' }}>失业保险援企稳岗 · {subtitle}</div>
      </div>
    </div>
  );
}
