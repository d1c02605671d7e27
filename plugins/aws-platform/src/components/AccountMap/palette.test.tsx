import { palettes, themes, UnifiedThemeProvider } from '@backstage/theme';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { contrastRatio } from './__testUtils__/contrastRatio';
import { DARK_MAP_PALETTE, LIGHT_MAP_PALETTE, MapPalette } from './palette';
import { useMapPalette } from './useMapPalette';

// WCAG 2.1: text (the role's name on each tile, in its colour) at 4.5:1 on
// the paper it is written on (1.4.3); lines and their arrows at 3:1 on the
// backgrounds they cross, the page and the paper (1.4.11). Backstage's own
// light and dark palettes give the backgrounds.
const THEMES: Array<[string, MapPalette, { default: string; paper: string }]> =
  [
    ['light', LIGHT_MAP_PALETTE, palettes.light.background],
    ['dark', DARK_MAP_PALETTE, palettes.dark.background],
  ];

describe.each(THEMES)('the %s map palette', (_, palette, background) => {
  it.each(Object.entries(palette.roles))(
    'writes the %s role at 4.5:1 on the paper',
    (_role, color) => {
      expect(contrastRatio(color, background.paper)).toBeGreaterThanOrEqual(
        4.5,
      );
    },
  );

  const lines = [
    ...Object.entries(palette.flows).map(
      ([type, style]) => [type, style.color] as const,
    ),
    ['broken', palette.broken] as const,
    ['mixed', palette.mixed] as const,
  ];
  it.each(lines)(
    'draws %s lines at 3:1 on the page and the paper',
    (_type, color) => {
      for (const behind of [background.default, background.paper]) {
        expect(contrastRatio(color, behind)).toBeGreaterThanOrEqual(3);
      }
    },
  );
});

describe('useMapPalette', () => {
  it.each([
    ['light', themes.light, LIGHT_MAP_PALETTE],
    ['dark', themes.dark, DARK_MAP_PALETTE],
  ])("follows the app's %s theme", (_, theme, expected) => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <UnifiedThemeProvider theme={theme}>{children}</UnifiedThemeProvider>
    );
    expect(renderHook(() => useMapPalette(), { wrapper }).result.current).toBe(
      expected,
    );
  });
});
