// @zhengfa/test-utils: what plugin and server tests share. The kernel's test harness
// (@zhengfa/kernel/testing: startTestKernel, describeEachEngine, clock, vault, fixtures) is
// re-exported here; the plugin contract suite and the fuzzer are this package's own.
export * from '@zhengfa/kernel/testing';
export { describePluginContract, type PluginContractOptions } from './contract/describe-plugin-contract.js';
