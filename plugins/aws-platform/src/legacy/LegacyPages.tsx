import { AccessReviewPage } from '../components/AccessReview';
import { AccountMapPage } from '../components/AccountMap';
import { AwsAccountsPage } from '../components/AwsAccountsPage';
import { OwnershipPage } from '../components/OwnershipPage';
import { RenderedFilesPage } from '../components/RenderedFiles';
import { LegacyPageShell } from './LegacyPageShell';

/*
 * The pages of the legacy routable extensions, loaded lazily by them: the
 * new system's page components inside the legacy page frame.
 */

/** The accounts table in the legacy page frame. */
export function LegacyAccountsPage() {
  return (
    <LegacyPageShell>
      <AwsAccountsPage />
    </LegacyPageShell>
  );
}

/** The account map in the legacy page frame. */
export function LegacyAccountMapPage() {
  return (
    <LegacyPageShell>
      <AccountMapPage />
    </LegacyPageShell>
  );
}

/** The ownership review in the legacy page frame. */
export function LegacyOwnershipPage() {
  return (
    <LegacyPageShell>
      <OwnershipPage />
    </LegacyPageShell>
  );
}

/** The access review in the legacy page frame. */
export function LegacyAccessReviewPage() {
  return (
    <LegacyPageShell>
      <AccessReviewPage />
    </LegacyPageShell>
  );
}

/** A task's rendered files in the legacy page frame. */
export function LegacyRenderedFilesPage() {
  return (
    <LegacyPageShell>
      <RenderedFilesPage />
    </LegacyPageShell>
  );
}
