export { AwsAccountCard } from './AwsAccountCard';
