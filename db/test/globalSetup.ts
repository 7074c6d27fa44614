import { prepareTestSnapshot } from '../src/test/testDb';

export default async function setup() {
  await prepareTestSnapshot();
}
