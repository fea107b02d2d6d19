import fs from 'node:fs'
import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import { AppError } from '../platform/errors.js'
import type { SignedLicence } from './licence.js'

/** A CJK font file and, for a collection (.ttc), the PostScript name of the face to use. */
export interface CjkFont {
  readonly path: string
  readonly face: string | undefined
}

/**
 * Where Debian puts the CJK fonts a licence can embed, best first: `fonts-wqy-microhei`
 * (TrueType outlines, subset cleanly, 5 MB), then `fonts-noto-cjk`, then `fonts-wqy-zenhei`.
 */
export const CJK_FONT_CANDIDATES: readonly CjkFont[] = [
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
]

/**
 * The CJK font licences are written with: the file named (by configuration) or the first Debian
 * font installed. Without one a licence cannot show Chinese, so this fails with
 * `HT_UNAVAILABLE` naming the package to install rather than write a licence of empty boxes.
 *
 * @example
 * locateCjkFont() // { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' }
 */
export function locateCjkFont(configured?: CjkFont): CjkFont {
  const candidates = configured === undefined ? CJK_FONT_CANDIDATES : [configured]
  const found = candidates.find((font) => fs.existsSync(font.path))
  if (found === undefined) {
    throw new AppError(
      'HT_UNAVAILABLE',
      `No CJK font for licences: install the Debian package fonts-wqy-microhei (or name a font file); looked at ${candidates.map((font) => font.path).join(', ')}`,
    )
  }
  return found
}

export interface LicencePdfOptions {
  readonly font: CjkFont
  /** The public verification page's address; the QR code carries it with the number and the code. */
  readonly verifyUrl: string
}

const A4 = { width: 595.28, height: 841.89 }
const MARGIN = 56
const RED = '#b71c1c'

/** The verification link a licence's QR code carries. */
export function verificationLink(verifyUrl: string, signed: SignedLicence): string {
  const url = new URL(verifyUrl)
  url.searchParams.set('number', signed.licence.number)
  url.searchParams.set('code', signed.licence.verificationCode)
  return url.toString()
}

function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const count = qr.modules.size
  const cell = size / (count + 8)
  doc.save().fillColor('black')
  for (let row = 0; row < count; row += 1) {
    for (let column = 0; column < count; column += 1) {
      if (qr.modules.get(row, column)) doc.rect(x + (column + 4) * cell, y + (row + 4) * cell, cell, cell)
    }
  }
  doc.fill().restore()
}

/**
 * The licence as a one-page A4 PDF: its particulars in Chinese (the CJK font embedded as a
 * subset), the verification code and a QR code to the public verification page, and the SM2
 * signature block. The signed licence itself rides along as an attached file `licence.json`, so
 * the PDF verifies offline: detach it, take `licence`'s canonical form, check `signature` with the
 * published key (see docs/approval.md).
 */
export async function renderLicencePdf(signed: SignedLicence, options: LicencePdfOptions): Promise<Buffer> {
  const { licence } = signed
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: 'zh-CN',
    pdfVersion: '1.7',
    info: {
      Title: `${licence.name} ${licence.number}`,
      Author: licence.department.name,
      Subject: `电子证照：${licence.matter.name}`,
      Keywords: `电子证照, ${licence.number}`,
      CreationDate: new Date(`${licence.issuedOn}T00:00:00+08:00`),
    },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  doc.registerFont('cjk', options.font.path, options.font.face)
  doc.font('cjk')
  doc
    .lineWidth(2)
    .strokeColor(RED)
    .rect(28, 28, A4.width - 56, A4.height - 56)
    .stroke()
  doc
    .lineWidth(0.6)
    .rect(34, 34, A4.width - 68, A4.height - 68)
    .stroke()

  doc.fillColor(RED).fontSize(30).text(licence.name, MARGIN, 72, { align: 'center', characterSpacing: 6 })
  doc.fillColor('#444444').fontSize(10).text('电子证照  Electronic Licence', { align: 'center' })
  doc.moveDown(0.6).fillColor('black').fontSize(11).text(`证照编号：${licence.number}`, { align: 'center' })

  const rows: [string, string][] = [
    [licence.holder.kind === 'organisation' ? '名　　称' : '姓　　名', licence.holder.name],
    [licence.holder.kind === 'organisation' ? '统一社会信用代码' : '公民身份号码', licence.holder.id],
    ['事　　项', licence.matter.name],
    ...licence.particulars.map((line): [string, string] => [line.label, line.value]),
    ['有效期限', licence.validUntil === null ? `自 ${licence.validFrom} 起长期有效` : `${licence.validFrom} 至 ${licence.validUntil}`],
    ['发证机关', licence.department.name],
    ['发证日期', licence.issuedOn],
  ]
  let y = 190
  const labelWidth = 120
  for (const [label, value] of rows) {
    doc
      .fontSize(12)
      .fillColor('#333333')
      .text(label, MARGIN + 10, y, { width: labelWidth })
    doc.fillColor('black').text(value, MARGIN + 10 + labelWidth, y, { width: A4.width - 2 * MARGIN - labelWidth - 20 })
    y = Math.max(doc.y, y + 18) + 10
  }

  const link = verificationLink(options.verifyUrl, signed)
  const qrSize = 110
  const bottom = A4.height - MARGIN - 190
  drawQrCode(doc, link, MARGIN, bottom, qrSize)
  doc
    .fontSize(11)
    .fillColor('black')
    .text(`核验码：${licence.verificationCode}`, MARGIN + qrSize + 16, bottom + 14)
  doc
    .fontSize(9)
    .fillColor('#444444')
    .text(`扫描二维码，或访问 ${options.verifyUrl} 输入证照编号和核验码，核验本证照的真实性与有效性。`, MARGIN + qrSize + 16, bottom + 36, {
      width: A4.width - 2 * MARGIN - qrSize - 16,
    })

  const signatureTop = bottom + qrSize + 12
  doc
    .fontSize(8)
    .fillColor('#444444')
    .text(`签名算法：SM2-SM3（GB/T 32918，签名者标识 1234567812345678）  密钥标识：${signed.keyId}`, MARGIN, signatureTop, {
      width: A4.width - 2 * MARGIN,
    })
  doc.text(`签名值：${signed.signature}`, { width: A4.width - 2 * MARGIN })

  doc.file(Buffer.from(JSON.stringify(signed, null, 2), 'utf8'), {
    name: 'licence.json',
    type: 'application/json',
    description: '签名的证照数据（用于离线核验）',
    creationDate: new Date(`${licence.issuedOn}T00:00:00+08:00`),
  })
  doc.end()
  return done
}
