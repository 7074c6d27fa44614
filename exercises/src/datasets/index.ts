export { moonsDataset, circlesDataset, spiralsDataset, xorDataset, generateDataset } from './generators';
export { shuffleDataset, splitDataset, type Dataset, type DatasetOptions } from './dataset';
export { houseDataTable, houseFeaturesAndPrices, studyHoursTable } from './tables';
