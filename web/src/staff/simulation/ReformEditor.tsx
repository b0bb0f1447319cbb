// 模拟方案编辑: pick parameters, type their new values (ratios in %, money in yuan) and the dates they would apply;
// the current value is shown beside each. Saving makes a new version; the server checks it against the declarations.
import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../shared/api.ts';
import { inputText, parseValue, UNIT_HINTS, valueText } from './parameter-value.ts';
import type { ParameterEntry, ReformChange, SavedReform } from './types.ts';

interface Row {
  parameter?: string;
  span?: [Dayjs | null, Dayjs | null];
  value?: string;
  legalBasis?: string;
}
interface Values {
  name: string;
  description?: string;
  changes: Row[];
}

const EDITABLE = new Set(['bp', 'fen', 'persons', 'months', 'days', 'count', 'enum', 'flag', 'date', 'table', 'list']);
const idOf = (p: ParameterEntry) => `${p.rule}.${p.key}`;

function currentValue(p: ParameterEntry | undefined): string {
  if (!p) return '';
  return p.values.map((v) => `${v.from}～${v.to ?? '长期'}：${valueText(p.unit, v.value)}`).join('；');
}

function ValueInput({
  entry,
  value,
  onChange,
}: {
  entry: ParameterEntry | undefined;
  value?: string;
  onChange?: (v: string) => void;
}) {
  if (entry?.unit === 'enum')
    return (
      <Select
        value={value}
        onChange={onChange}
        style={{ width: 200 }}
        options={(entry.allowed ?? []).map((a) => ({ value: a, label: a }))}
      />
    );
  if (entry?.unit === 'flag')
    return (
      <Select
        value={value}
        onChange={onChange}
        style={{ width: 120 }}
        options={[
          { value: 'true', label: '是' },
          { value: 'false', label: '否' },
        ]}
      />
    );
  return (
    <Input
      value={value}
      onChange={(e) => onChange?.(e.target.value)}
      style={{ width: 200 }}
      suffix={entry ? UNIT_HINTS[entry.unit] : undefined}
      data-testid="reform-value"
    />
  );
}

/** A saved version as the form holds it: values typed as a person would type them. */
function formValues(saved: SavedReform, byId: ReadonlyMap<string, ParameterEntry>): Values {
  return {
    name: saved.name,
    description: saved.reform.description,
    changes: saved.reform.changes.map((c) => ({
      parameter: `${c.rule}.${c.key}`,
      span: [dayjs(c.from), c.to ? dayjs(c.to) : null],
      value: inputText(byId.get(`${c.rule}.${c.key}`)?.unit ?? '', c.value),
      legalBasis: c.legalBasis,
    })),
  };
}

export function ReformEditor({
  parameters,
  loaded,
  onSaved,
}: {
  parameters: ParameterEntry[];
  /** A saved version to edit (saving it makes the name's next version). */
  loaded?: SavedReform;
  onSaved: (saved: SavedReform) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const byId = useMemo(() => new Map(parameters.filter((p) => EDITABLE.has(p.unit)).map((p) => [idOf(p), p])), [parameters]);
  useEffect(() => {
    if (loaded) form.setFieldsValue(formValues(loaded, byId));
  }, [loaded, byId, form]);
  const rows = Form.useWatch('changes', form) ?? [];
  const options = [...new Set(parameters.map((p) => p.ruleTitle))].map((title) => ({
    label: title,
    options: parameters
      .filter((p) => p.ruleTitle === title && byId.has(idOf(p)))
      .map((p) => ({ value: idOf(p), label: p.label })),
  }));

  const pick = (index: number, id: string) => {
    const entry = byId.get(id);
    const latest = entry?.values.at(-1);
    const changes = [...(form.getFieldValue('changes') as Row[])];
    changes[index] = {
      ...changes[index],
      parameter: id,
      span: latest ? [dayjs(latest.from), latest.to ? dayjs(latest.to) : null] : [null, null],
      value: undefined,
    };
    form.setFieldValue('changes', changes);
  };

  const save = (values: Values) => {
    const changes: ReformChange[] = [];
    for (const [i, row] of values.changes.entries()) {
      const entry = byId.get(row.parameter ?? '');
      const parsed = entry ? parseValue(entry.unit, row.value ?? '') : { error: '请选择参数' };
      if ('error' in parsed) return void message.error(`第 ${i + 1} 项：${parsed.error}`);
      const [from, to] = row.span ?? [null, null];
      if (!from) return void message.error(`第 ${i + 1} 项：请选择起始日期`);
      changes.push({
        rule: entry!.rule,
        key: entry!.key,
        from: from.format('YYYY-MM-DD'),
        to: to ? to.format('YYYY-MM-DD') : null,
        value: parsed.value as ReformChange['value'],
        ...(row.legalBasis?.trim() ? { legalBasis: row.legalBasis.trim() } : {}),
      });
    }
    setBusy(true);
    api<SavedReform>('/simulation/reforms', {
      body: { name: values.name, ...(values.description ? { description: values.description } : {}), changes },
    })
      .then(
        (saved) => {
          message.success(`已保存「${saved.name}」第 ${saved.version} 版`);
          onSaved(saved);
        },
        (e: Error) => message.error(e.message),
      )
      .finally(() => setBusy(false));
  };

  return (
    <Card
      title="新建或修改模拟方案（同名保存为新版本）"
      extra={
        loaded && (
          <Typography.Text data-testid="reform-loaded">
            已载入「{loaded.name}」第 {loaded.version} 版
          </Typography.Text>
        )
      }
    >
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ changes: [{}] }}>
        <Space wrap align="start">
          <Form.Item name="name" label="方案名称" rules={[{ required: true, whitespace: true, message: '请填写方案名称' }]}>
            <Input style={{ width: 280 }} placeholder="例如：中小微企业返还比例调整为50%" data-testid="reform-name" />
          </Form.Item>
          <Form.Item name="description" label="说明">
            <Input style={{ width: 420 }} />
          </Form.Item>
        </Space>
        <Form.List name="changes">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => {
                const entry = byId.get(rows[index]?.parameter ?? '');
                return (
                  <div key={field.key} style={{ borderTop: '1px dashed #eee', paddingTop: 8 }}>
                    <Space wrap align="start">
                      <Form.Item
                        name={[field.name, 'parameter']}
                        label="参数"
                        rules={[{ required: true, message: '请选择参数' }]}
                      >
                        <Select
                          showSearch
                          optionFilterProp="label"
                          style={{ width: 340 }}
                          options={options}
                          onChange={(id: string) => pick(index, id)}
                          data-testid="reform-parameter"
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'value']}
                        label="新取值"
                        rules={[{ required: true, message: '请填写新取值' }]}
                      >
                        <ValueInput entry={entry} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'span']} label="执行期间（截止日期可空）">
                        <DatePicker.RangePicker allowEmpty={[false, true]} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'legalBasis']} label="拟依据（转为参数变更时必填）">
                        <Input style={{ width: 260 }} placeholder="发文字号 第X条" />
                      </Form.Item>
                      {fields.length > 1 && (
                        <Button
                          type="text"
                          icon={<MinusCircleOutlined />}
                          onClick={() => remove(field.name)}
                          style={{ marginTop: 30 }}
                        />
                      )}
                    </Space>
                    {entry && (
                      <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
                        现行：{currentValue(entry)}
                      </Typography.Paragraph>
                    )}
                  </div>
                );
              })}
              <Button icon={<PlusOutlined />} onClick={() => add({})}>
                再调整一个参数
              </Button>
            </>
          )}
        </Form.List>
        <div style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="reform-save">
            保存方案
          </Button>
        </div>
      </Form>
    </Card>
  );
}
