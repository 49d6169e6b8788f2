import { describeWebhookSuite } from './webhook-suite'

describeWebhookSuite('Node')
