export { awsPlatformPlugin as default } from './plugin';
