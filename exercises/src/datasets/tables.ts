/**
 * The two tables printed in the notes (000, "Module 3").
 */

/**
 * House prices. The notes print the headings "Bedrooms Area City_Distance Age Price" above rows of five numbers
 * whose first is a row index (0–4): one of the five headed columns is not in the printed rows. We keep the rows
 * exactly as printed and name the four value columns by their magnitudes: a constant 1 (bedrooms), the distance to
 * the city (≈ 17–53), the area (≈ 85–1855) and the price.
 */
export const houseDataTable = {
  printedHeadings: ['Bedrooms', 'Area', 'City_Distance', 'Age', 'Price'],
  columns: ['row', 'bedrooms', 'cityDistance', 'area', 'price'] as const,
  rows: [
    [0, 1, 26.184098, 1286.68, 96004.804557],
    [1, 1, 34.866901, 1855.25, 92473.72257],
    [2, 1, 36.980709, 692.09, 98112.51994],
    [3, 1, 17.445723, 1399.49, 92118.326874],
    [4, 1, 52.587646, 84.65, 98976.653176],
  ],
} as const;

/** Features (bedrooms, cityDistance, area) and target (price) of the house table. */
export function houseFeaturesAndPrices(): { X: number[][]; y: number[] } {
  return {
    X: houseDataTable.rows.map((r) => [r[1], r[2], r[3]]),
    y: houseDataTable.rows.map((r) => r[4]),
  };
}

/** Study hours (notes' SGD / mini-batch slides). Quiz and Exam are percentages, stored as fractions. */
export const studyHoursTable = {
  columns: ['rowId', 'studyHours', 'sleepHours', 'quiz', 'exam'] as const,
  rows: [
    [1, 12, 6, 0.78, 0.93],
    [2, 22, 6.5, 0.24, 0.68],
    [3, 115, 4, 1.0, 0.95],
    [4, 31, 9, 0.67, 0.75],
    [5, 0, 10, 0.58, 0.51],
    [6, 5, 8, 0.78, 0.6],
    [7, 92, 6, 0.82, 0.89],
    [8, 57, 8, 0.91, 0.97],
  ],
} as const;
