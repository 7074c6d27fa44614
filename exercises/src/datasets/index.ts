export { moonsDataset, circlesDataset, spiralsDataset, xorDataset, generateDataset, type DatasetName } from './generators';
export { shuffleDataset, splitDataset, type Dataset, type DatasetOptions } from './dataset';
export { houseDataTable, houseFeaturesAndPrices, studyHoursTable } from './tables';
