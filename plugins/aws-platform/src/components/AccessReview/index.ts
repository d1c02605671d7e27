export { AccessReviewPage } from './AccessReviewPage';
