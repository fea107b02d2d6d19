import { CloudDownloadOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Checkbox, Col, Form, Radio, Result, Row, Space, Table, Tag, Typography, Upload } from 'antd'
import { useMemo, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import {
  codeToPath,
  downloadDcat,
  downloadExport,
  downloadTemplate,
  FACETS,
  formatOfFile,
  useImportCatalog,
  type FileEncoding,
  type FileFormat,
  type ImportResult,
} from '../../api/catalog'
import { ApiError, type FieldProblem } from '../../api/client'
import { useMe } from '../../api/identity'
import { ProblemAlert } from '../../components/problem-alert'
import { useLanguage } from '../../language'
import { useFacetLabel } from './facet-panel'
import { parseSearch } from './search-params'

function useDownload(): (run: () => Promise<void>) => void {
  const { message } = App.useApp()
  return (run) =>
    void run().catch((error: unknown) => {
      void message.error(error instanceof ApiError ? `${error.title}: ${error.detail}` : String(error))
    })
}

function CodeList({ title, color, codes }: { readonly title: string; readonly color: string; readonly codes: readonly string[] }) {
  return (
    <div>
      <Tag color={color}>
        {title} · {codes.length}
      </Tag>
      <Space size={[8, 4]} wrap style={{ marginTop: 4 }}>
        {codes.map((code) => (
          <Link key={code} to={`/catalog/${codeToPath(code)}`} style={{ fontFamily: 'monospace' }}>
            {code}
          </Link>
        ))}
      </Space>
    </div>
  )
}

function ImportResultView({ result }: { readonly result: ImportResult }) {
  const { t } = useLanguage()
  return (
    <Alert
      type="success"
      showIcon
      title={t('catalog.transfer.done')}
      data-testid="import-result"
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <CodeList title={t('catalog.transfer.created')} color="green" codes={result.created} />
          <CodeList title={t('catalog.transfer.updated')} color="blue" codes={result.updated} />
          <CodeList title={t('catalog.transfer.unchanged')} color="default" codes={result.unchanged} />
          {result.submitted === undefined || result.submitted.length === 0 ? null : (
            <CodeList title={t('catalog.transfer.submitted')} color="processing" codes={result.submitted} />
          )}
        </Space>
      }
    />
  )
}

type ImportProblem = Required<FieldProblem>

/** Import problems name a row and a column header; anything else is a general problem. */
function importProblems(error: unknown): ImportProblem[] {
  if (!(error instanceof ApiError)) return []
  return error.errors.flatMap(({ row, field, message }) => (row === undefined ? [] : [{ row, field, message }]))
}

function ImportCard() {
  const { t } = useLanguage()
  const runDownload = useDownload()
  const upload = useImportCatalog()
  const [submit, setSubmit] = useState(false)
  const [badFile, setBadFile] = useState(false)
  const problems = importProblems(upload.error)

  return (
    <Card title={t('catalog.transfer.import')} data-testid="import-card">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <div>
          <Typography.Text strong>{t('catalog.transfer.template')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('catalog.transfer.templateHint')}
          </Typography.Paragraph>
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => runDownload(() => downloadTemplate('xlsx'))} data-testid="template-xlsx">
              XLSX
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => runDownload(() => downloadTemplate('csv'))} data-testid="template-csv">
              CSV
            </Button>
          </Space>
        </div>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('catalog.transfer.importHint')}
        </Typography.Paragraph>
        <Checkbox checked={submit} onChange={(event) => setSubmit(event.target.checked)} data-testid="import-submit">
          {t('catalog.transfer.submitAfter')}
        </Checkbox>
        <Upload
          accept=".xlsx,.csv"
          showUploadList={false}
          // The file goes to the server as the raw request body, not as a multipart form.
          beforeUpload={(file) => {
            const format = formatOfFile(file.name)
            setBadFile(format === undefined)
            if (format !== undefined) upload.mutate({ file, format, submit })
            return Upload.LIST_IGNORE
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending} data-testid="import-upload">
            {t('catalog.transfer.choose')}
          </Button>
        </Upload>
        {badFile ? <Alert type="error" showIcon title={t('catalog.transfer.badFile')} /> : null}
        {upload.isSuccess ? <ImportResultView result={upload.data} /> : null}
        {upload.isError && problems.length > 0 ? (
          <>
            <Alert type="error" showIcon title={t('catalog.transfer.failed')} />
            <Table<ImportProblem>
              rowKey={(problem) => `${problem.row}-${problem.field}-${problem.message}`}
              size="small"
              dataSource={problems}
              pagination={problems.length > 20 ? { pageSize: 20 } : false}
              // Fixed layout: long messages wrap inside the card instead of widening it.
              tableLayout="fixed"
              data-testid="import-errors"
              columns={[
                { title: t('catalog.transfer.row'), dataIndex: 'row', width: 80 },
                { title: t('catalog.transfer.column'), dataIndex: 'field', width: 140 },
                { title: t('catalog.transfer.message'), dataIndex: 'message' },
              ]}
            />
          </>
        ) : null}
        {upload.isError && problems.length === 0 ? <ProblemAlert error={upload.error} /> : null}
      </Space>
    </Card>
  )
}

function ExportCard() {
  const { t } = useLanguage()
  const runDownload = useDownload()
  const [params] = useSearchParams()
  const search = useMemo(() => parseSearch(params), [params])
  const [format, setFormat] = useState<FileFormat>('xlsx')
  const [encoding, setEncoding] = useState<FileEncoding>('utf-8')
  const facetLabel = useFacetLabel()
  const filters = [search.q.trim(), ...FACETS.flatMap((facet) => (search.filters[facet] ?? []).map((value) => facetLabel(facet, value)))].filter(
    (value) => value !== '',
  )

  return (
    <Card title={t('catalog.transfer.export')} data-testid="export-card">
      <Typography.Paragraph type="secondary">{t('catalog.transfer.exportHint')}</Typography.Paragraph>
      {filters.length === 0 ? null : (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('catalog.transfer.filtersApplied', { filters: filters.join('、') })} />
      )}
      <Form layout="vertical">
        <Form.Item label={t('catalog.transfer.format')}>
          <Radio.Group
            optionType="button"
            value={format}
            onChange={(event) => setFormat(event.target.value as FileFormat)}
            options={[
              { value: 'xlsx', label: 'XLSX' },
              { value: 'csv', label: 'CSV' },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('catalog.transfer.encoding')}>
          <Radio.Group
            optionType="button"
            value={encoding}
            onChange={(event) => setEncoding(event.target.value as FileEncoding)}
            options={[
              { value: 'utf-8', label: 'UTF-8' },
              { value: 'gbk', label: 'GBK' },
            ]}
          />
        </Form.Item>
        <Space wrap>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            onClick={() => runDownload(() => downloadExport(format, encoding, search))}
            data-testid="export-download"
          >
            {t('catalog.transfer.download')}
          </Button>
          <Button icon={<CloudDownloadOutlined />} onClick={() => runDownload(downloadDcat)} data-testid="dcat-export">
            {t('catalog.dcat')}
          </Button>
        </Space>
      </Form>
    </Card>
  )
}

/** 导入导出: stewards import a spreadsheet of entries; everyone in the catalog exports. */
export default function TransferPage() {
  const { t } = useLanguage()
  const { data: me } = useMe()
  if (me === undefined) return <Result status="info" title={t('nav.catalogTransfer')} />
  const isSteward = me.roles.includes('steward')
  return (
    <Row gutter={[16, 16]}>
      {isSteward ? (
        <Col xs={24} xl={14}>
          <ImportCard />
        </Col>
      ) : null}
      <Col xs={24} xl={isSteward ? 10 : 14}>
        <ExportCard />
      </Col>
    </Row>
  )
}
