export interface Notification {
  readonly id: string
  readonly kind: string
  readonly title: string
  readonly body: string
  readonly link: string | null
  readonly createdAt: string
  readonly readAt: string | null
}

export interface NotificationMessage {
  readonly kind: string
  readonly title: string
  readonly body: string
  readonly link?: string
}
