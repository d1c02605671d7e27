export { AwsResourcePicker } from './AwsResourcePicker';
export type { AwsResourcePickerOptions } from './pickerOptions';
export { awsResourcePickerSchema } from './fieldSchema';
