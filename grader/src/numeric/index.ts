export { gradeNumericFields } from './gradeNumericFields';
