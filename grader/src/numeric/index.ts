export { gradeNumericFields, isPlausible, type NumericGradingInput } from './gradeNumericFields';
