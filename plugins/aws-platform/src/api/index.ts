export { awsPlatformApiRef } from './AwsPlatformApi';
export type { AwsPlatformApi } from './AwsPlatformApi';
export { AwsPlatformClient } from './AwsPlatformClient';
export { awsPlatformApi } from './awsPlatformApiExtension';
export { liveErrorKind } from './liveErrorKind';
export type { LiveErrorKind } from './liveErrorKind';
export { byteSize, utcMinute, utcTime } from './liveFormat';
export { useLiveStatus } from './useLiveStatus';
