export { AccountMap } from './AccountMap';
export type { AccountMapProps } from './AccountMap';
export { AccountMapPage } from './AccountMapPage';
export { EntityAccountMapContent } from './EntityAccountMapContent';
