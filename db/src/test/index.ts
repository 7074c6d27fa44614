export * from './factories';
export { createTestDb, prepareTestSnapshot, testSnapshotPath } from './testDb';
export * from './bulk';
