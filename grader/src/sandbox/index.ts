export { IsolatePool, type PoolOptions } from './isolatePool';
export { runInSandbox, type SandboxCase, type SandboxJob, type SandboxRun, type SandboxTimings } from './runInSandbox';
export {
  DEFAULT_LIMITS,
  resolveLimits,
  sandboxLimitsSchema,
  sandboxErrorKinds,
  type SandboxError,
  type SandboxErrorKind,
  type SandboxLimits,
} from './limits';
export type { CaseOutcome } from './bridge';
export { loadTfjsBundle } from './tfjsBundle';
