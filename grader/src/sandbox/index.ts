export { IsolatePool, type PoolOptions } from './isolatePool';
export { runInSandbox, type SandboxCase, type SandboxJob, type SandboxRun } from './runInSandbox';
export { DEFAULT_LIMITS } from './limits';
