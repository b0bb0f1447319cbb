// The form that records a major incident (要情报告): when, where, what kind, what happened and what was done. An entry
// is never changed: a correction or a further report is a new entry that names the one it corrects.
import { useEffect, useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { incidentCategories, incidentCategoryLabels, type IncidentCategory } from '../../../../src/domain/vocabulary/fund.ts';
import type { Incident } from '../../../../src/server/schemas/fund.ts';
import { api } from '../../shared/api.ts';

interface IncidentForm {
  occurredAt: Dayjs;
  regionCode: string;
  category: IncidentCategory;
  description: string;
  followUp?: string;
  correctsId?: number;
}

export function RecordIncident({
  open,
  regions,
  corrects,
  onClose,
  onRecorded,
}: {
  open: boolean;
  regions: { value: string; label: string }[];
  /** The entry this one corrects or follows up, when opened from a row. */
  corrects?: Incident;
  onClose: () => void;
  onRecorded: (incident: Incident) => void;
}) {
  const [form] = Form.useForm<IncidentForm>();
  const [refusal, setRefusal] = useState<string>();
  const [busy, setBusy] = useState(false);
  // The form instance outlives the dialog: fill it afresh each time it opens (a new entry, or one correcting a row).
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      corrects
        ? {
            regionCode: corrects.regionCode,
            category: corrects.category,
            occurredAt: dayjs(corrects.occurredAt),
            correctsId: corrects.id,
          }
        : { regionCode: regions[0]?.value, occurredAt: dayjs() },
    );
  }, [open, corrects, regions, form]);
  const submit = (v: IncidentForm) => {
    setBusy(true);
    api<Incident>('/fund/incidents', {
      body: {
        occurredAt: v.occurredAt.toISOString(),
        regionCode: v.regionCode,
        category: v.category,
        description: v.description.trim(),
        ...(v.followUp?.trim() && { followUp: v.followUp.trim() }),
        ...(v.correctsId && { correctsId: v.correctsId }),
      },
    })
      .then(
        (incident) => {
          form.resetFields();
          setRefusal(undefined);
          onRecorded(incident);
        },
        (e: Error) => setRefusal(e.message),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Modal
      open={open}
      title={corrects ? `更正或续报第 ${corrects.id} 号要情` : '登记要情报告'}
      okText="登记"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => {
        setRefusal(undefined);
        onClose();
      }}
      forceRender
      width={640}
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="occurredAt" label="发生时间" rules={[{ required: true, message: '请选择发生时间' }]}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="regionCode" label="地区" rules={[{ required: true, message: '请选择地区' }]}>
          <Select options={regions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择要情类别' }]}>
          <Select options={incidentCategories.map((c) => ({ value: c, label: incidentCategoryLabels[c] }))} />
        </Form.Item>
        <Form.Item
          name="description"
          label="要情内容"
          rules={[
            { required: true, whitespace: true, message: '请填写要情内容' },
            { max: 2000, message: '不超过 2000 字' },
          ]}
        >
          <Input.TextArea rows={4} placeholder="时间、地点、涉及人数和金额、经过，如实填写，不得瞒报谎报" />
        </Form.Item>
        <Form.Item name="followUp" label="后续处理" rules={[{ max: 2000, message: '不超过 2000 字' }]}>
          <Input.TextArea rows={3} placeholder="已采取的措施和下一步安排（可不填）" />
        </Form.Item>
        <Form.Item name="correctsId" label="更正或续报第几号（可不填）">
          <InputNumber min={1} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
