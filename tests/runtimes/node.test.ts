import { describeRuntimeSuite } from './runtime-suite'

describeRuntimeSuite('Node')
