export { EksClusterCard } from './EksClusterCard';
