import { sql, type Kysely, type Migration } from 'kysely'
import { SecretBox } from '../platform/secret-box.js'

interface SecretRow {
  readonly id: string
  readonly webhook_secret: string
}

async function storedSecrets(db: Kysely<unknown>): Promise<SecretRow[]> {
  const { rows } = await sql<SecretRow>`SELECT id, webhook_secret FROM subscriptions WHERE webhook_secret IS NOT NULL`.execute(db)
  return rows
}

async function store(db: Kysely<unknown>, id: string, secret: string): Promise<void> {
  await sql`UPDATE subscriptions SET webhook_secret = ${secret} WHERE id = ${id}`.execute(db)
}

/**
 * Webhook signing secrets at rest: seals those earlier versions kept in clear with the node's
 * secret box (AES-256-GCM, bound to the subscription id); `down` opens them again. Only a
 * database holding clear secrets needs the box: a new one migrates without it.
 *
 * @example
 * const migrations = { …, '0006-webhook-secrets': webhookSecretsMigration(openSecretBox(config)) }
 */
export function webhookSecretsMigration(box: SecretBox | undefined): Migration {
  const required = (): SecretBox => {
    if (box === undefined)
      throw new Error('sealing the webhook secrets stored in clear needs the secret key: migrate with `huitong migrate` or by starting the server')
    return box
  }
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const row of await storedSecrets(db)) {
        if (!SecretBox.isSealed(row.webhook_secret)) await store(db, row.id, required().seal(row.webhook_secret, row.id))
      }
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const row of await storedSecrets(db)) {
        if (SecretBox.isSealed(row.webhook_secret)) await store(db, row.id, required().open(row.webhook_secret, row.id))
      }
    },
  }
}
