export { DnsZoneCard } from './DnsZoneCard';
