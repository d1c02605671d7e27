export { AwsServiceCard } from './AwsServiceCard';
