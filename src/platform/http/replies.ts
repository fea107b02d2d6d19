import fs from 'node:fs'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { CONTENT_TYPES } from '../files/table-file.js'

/**
 * The purpose a caller states for one read (the X-Huitong-Purpose header, URL-encoded), kept in
 * the audit row beside the grant's purpose.
 */
export function statedPurpose(request: FastifyRequest): string | undefined {
  const header = request.headers['x-huitong-purpose']
  return typeof header === 'string' ? decodeURIComponent(header).slice(0, 200) : undefined
}

/** Sends a CSV or XLSX file as a download under its (Chinese) name. */
export function sendTableFile(reply: FastifyReply, file: { path: string; name: string }) {
  return reply
    .type(file.name.endsWith('.xlsx') ? CONTENT_TYPES.xlsx : CONTENT_TYPES.csv)
    .header('content-disposition', `attachment; filename="${encodeURIComponent(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .send(fs.createReadStream(file.path))
}
