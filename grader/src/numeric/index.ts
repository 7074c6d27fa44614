export { gradeNumericFields } from './gradeNumericFields';
export { gradeNumericSubmission } from './gradeNumericSubmission';
