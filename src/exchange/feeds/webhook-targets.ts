import { lookup as dnsLookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'
import type { WebhookAllowEntry } from '../../platform/config.js'

/** Why an address is not an ordinary public one. */
export type AddressKind = 'loopback' | 'private' | 'link-local' | 'metadata' | 'reserved'

/** Resolves a host name to its addresses, as `dns.lookup(host, { all: true })` does. */
export type HostResolver = (host: string) => Promise<ReadonlyArray<{ readonly address: string; readonly family: number }>>

/** A webhook target the policy refuses, with the reason to show the subscriber and the delivery log. */
export class WebhookTargetRefused extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WebhookTargetRefused'
  }
}

type Family = 'ipv4' | 'ipv6'

/** Cloud instance-metadata services: never opened by a block or a host name, only when listed one by one. */
const METADATA = ['169.254.169.254', '169.254.170.2', '169.254.170.23', '100.100.100.200', '168.63.129.16', 'fd00:ec2::254', 'fd00:ec2::23']

/** Address blocks that are not ordinary public addresses (the IANA special-purpose registries). */
const SPECIAL: ReadonlyArray<readonly [AddressKind, string, number, Family]> = [
  ['loopback', '127.0.0.0', 8, 'ipv4'],
  ['loopback', '::1', 128, 'ipv6'],
  ['private', '10.0.0.0', 8, 'ipv4'],
  ['private', '172.16.0.0', 12, 'ipv4'],
  ['private', '192.168.0.0', 16, 'ipv4'],
  ['private', '100.64.0.0', 10, 'ipv4'],
  ['private', 'fc00::', 7, 'ipv6'],
  ['link-local', '169.254.0.0', 16, 'ipv4'],
  ['link-local', 'fe80::', 10, 'ipv6'],
  // "This network": 0.0.0.0 reaches the local host on Linux.
  ['reserved', '0.0.0.0', 8, 'ipv4'],
  ['reserved', '192.0.0.0', 24, 'ipv4'],
  ['reserved', '192.0.2.0', 24, 'ipv4'],
  ['reserved', '198.18.0.0', 15, 'ipv4'],
  ['reserved', '198.51.100.0', 24, 'ipv4'],
  ['reserved', '203.0.113.0', 24, 'ipv4'],
  ['reserved', '224.0.0.0', 4, 'ipv4'],
  ['reserved', '240.0.0.0', 4, 'ipv4'],
  ['reserved', '::', 128, 'ipv6'],
  ['reserved', 'ff00::', 8, 'ipv6'],
  ['reserved', '100::', 64, 'ipv6'],
  ['reserved', '2001:db8::', 32, 'ipv6'],
  // Translated and tunnelled forms carry an IPv4 address inside, possibly an internal one.
  ['reserved', '64:ff9b::', 96, 'ipv6'],
  ['reserved', '64:ff9b:1::', 48, 'ipv6'],
  ['reserved', '2001::', 32, 'ipv6'],
  ['reserved', '2002::', 16, 'ipv6'],
]

const familyOf = (address: string): Family => (isIP(address) === 4 ? 'ipv4' : 'ipv6')

function blockList(blocks: Iterable<readonly [string, number, Family]>): BlockList {
  const list = new BlockList()
  for (const [address, prefix, family] of blocks) list.addSubnet(address, prefix, family)
  return list
}

const METADATA_LIST = blockList(METADATA.map((address) => [address, familyOf(address) === 'ipv4' ? 32 : 128, familyOf(address)] as const))
const SPECIAL_LISTS = new Map<AddressKind, BlockList>(
  (['loopback', 'private', 'link-local', 'reserved'] as const).map((kind) => [
    kind,
    blockList(SPECIAL.filter(([of]) => of === kind).map(([, ...block]) => block)),
  ]),
)

/**
 * What kind of special address this is, or undefined for an ordinary public address.
 * IPv4-mapped IPv6 addresses count as the IPv4 address they carry.
 *
 * @example
 * addressKind('169.254.169.254') // 'metadata'
 * addressKind('::ffff:127.0.0.1') // 'loopback'
 * addressKind('202.96.64.68') // undefined
 */
export function addressKind(address: string): AddressKind | undefined {
  const family = familyOf(address)
  if (METADATA_LIST.check(address, family)) return 'metadata'
  for (const [kind, list] of SPECIAL_LISTS) if (list.check(address, family)) return kind
  return undefined
}

/** A URL's host as the policy compares it: lower case, without brackets or a trailing dot. */
function hostOf(url: URL): string {
  return url.hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
}

function hostMatches(pattern: string, host: string): boolean {
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern
}

/**
 * Where webhooks may be sent (against SSRF): any public address; a special address — loopback,
 * private, link-local, metadata, reserved — only when HUITONG_WEBHOOK_ALLOW lists its host name
 * or a block holding it. A metadata address must be listed as that one address: no block or
 * host name opens it. A name is judged by every address it resolves to.
 *
 * The subscription is checked when it is made; each delivery resolves the name again, checks
 * the addresses and connects to the one checked, so a name re-pointed meanwhile is refused too.
 *
 * @example
 * const targets = new WebhookTargets(loadConfig({ HUITONG_WEBHOOK_ALLOW: '10.20.0.0/16,*.intranet.example' }).webhookAllow)
 * await targets.resolve(new URL('http://hook.intranet.example/in')) // { address: '10.20.3.4', family: 4 }
 */
export class WebhookTargets {
  readonly #hosts: readonly string[]
  readonly #blocks = new BlockList()
  readonly #addresses = new BlockList()

  constructor(
    allow: readonly WebhookAllowEntry[],
    private readonly resolver: HostResolver = (host) => dnsLookup(host, { all: true, verbatim: true }),
  ) {
    this.#hosts = allow.flatMap((entry) => (entry.kind === 'host' ? [entry.pattern] : []))
    for (const entry of allow) {
      if (entry.kind !== 'block') continue
      this.#blocks.addSubnet(entry.address, entry.prefix, entry.family)
      if (entry.prefix === (entry.family === 'ipv4' ? 32 : 128)) this.#addresses.addAddress(entry.address, entry.family)
    }
  }

  /** Why `address`, reached as `host`, may not be a target; undefined when it may. */
  #refusal(host: string, address: string): string | undefined {
    const kind = addressKind(address)
    if (kind === undefined) return undefined
    const family = familyOf(address)
    const allowed =
      kind === 'metadata'
        ? this.#addresses.check(address, family)
        : this.#hosts.some((pattern) => hostMatches(pattern, host)) || this.#blocks.check(address, family)
    if (allowed) return undefined
    const listed = kind === 'metadata' ? 'it is listed as that one address' : 'its host name or address is listed'
    return `${host === address ? address : `${host} resolves to ${address}, which`} is a ${kind} address: webhooks reach it only if ${listed} in HUITONG_WEBHOOK_ALLOW`
  }

  /** Every address `host` stands for, each allowed; a refusal naming the first that is not. */
  async #allowedAddresses(host: string): Promise<Array<{ address: string; family: number }>> {
    const addresses = isIP(host) === 0 ? [...(await this.resolver(host))] : [{ address: host, family: isIP(host) }]
    for (const { address } of addresses) {
      const refusal = this.#refusal(host, address)
      if (refusal !== undefined) throw new WebhookTargetRefused(refusal)
    }
    return addresses
  }

  /**
   * At subscription time: refuses an address that is not allowed, or a name resolving to one.
   * A name that does not resolve (yet) passes; every delivery checks it again.
   */
  async check(url: URL): Promise<void> {
    try {
      await this.#allowedAddresses(hostOf(url))
    } catch (error) {
      if (error instanceof WebhookTargetRefused) throw error
    }
  }

  /**
   * At delivery time: the address to connect to, after resolving the name and checking every
   * address it resolves to; throws {@link WebhookTargetRefused} when any is not allowed.
   */
  async resolve(url: URL): Promise<{ address: string; family: number }> {
    const host = hostOf(url)
    const [first] = await this.#allowedAddresses(host)
    if (first === undefined) throw new Error(`${host} resolves to no address`)
    return first
  }
}
