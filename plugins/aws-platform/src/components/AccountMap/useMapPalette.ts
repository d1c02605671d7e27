import { useTheme } from '@material-ui/core/styles';
import { mapPalette, MapPalette } from './palette';

/** The map's colours for the app's current theme, light or dark. */
export function useMapPalette(): MapPalette {
  return mapPalette(useTheme().palette.type);
}
