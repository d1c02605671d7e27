export { RenderedFilesPage } from './RenderedFilesPage';
