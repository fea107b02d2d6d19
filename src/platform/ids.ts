import { randomUUID } from 'node:crypto'

/** A new opaque row id. */
export function newId(): string {
  return randomUUID()
}

/** The current time as stored: ISO-8601 UTC. */
export function now(): string {
  return new Date().toISOString()
}

/** `ms` milliseconds from now, as stored. */
export function fromNow(ms: number): string {
  return new Date(Date.now() + ms).toISOString()
}
