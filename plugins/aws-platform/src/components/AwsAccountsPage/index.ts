export { AwsAccountsPage } from './AwsAccountsPage';
