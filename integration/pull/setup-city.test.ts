// The first-run setup's city step against the reference city on loopback: what the city sent is shown before the
// kiosk keeps anything; a wrong code is refused; "not this one" keeps nothing; "this is ours" enrolls.
import { describe, expect, it, onTestFinished } from 'vitest';
import { startCityServer } from '../../city-server/src/city-server.js';
import { auditRows, firstAdmin, readyOf, startCore, value } from '../../electron/core/setup/testing/setup-kit.js';
import { tempDataDir } from '../../electron/core/testing/fixtures.js';

describe('the first-run setup with a city', () => {
  it('shows what the city sent before taking it; a wrong code is refused; "not this one" keeps nothing; "this is ours" enrolls', async () => {
    const city = await startCityServer({ dataDir: tempDataDir(), seed: 'demo' });
    onTestFinished(() => city.close());
    const core = startCore(tempDataDir(), false);
    const sessionId = await firstAdmin(core);

    expect(await core.handlers.setupCityPreview({ sessionId, serverUrl: city.url, code: 'WXYZ-0000-1111' })).toMatchObject({ ok: false, error: { code: 'ENROLL_CODE_REFUSED' } });

    const preview = value(await core.handlers.setupCityPreview({ sessionId, serverUrl: city.url, code: city.issueEnrollmentCode() }));
    expect(preview.kindergartenName).toContain('Ақбота');
    expect(preview.groups).toHaveLength(12);
    expect(preview.children).toBe(preview.groups.reduce((sum, g) => sum + g.children, 0));
    expect(preview.children).toBeGreaterThan(0);
    expect(preview.companions).toBeGreaterThan(0);
    expect(preview.cards).toBeGreaterThan(0);
    // Nothing kept yet: not enrolled, no roster.
    expect(value(core.handlers.setupStatus({}))).toMatchObject({ cityPreview: preview, roster: { enrolled: false, children: 0, mode: null } });

    value(core.handlers.setupCityReject({ sessionId }));
    expect(value(core.handlers.setupStatus({}))).toMatchObject({ cityPreview: null, roster: { enrolled: false, children: 0 } });
    expect(value(core.handlers.getSyncStatus({})).state).toBe('never-enrolled');
    expect(await core.handlers.setupCityAccept({ sessionId })).toMatchObject({ ok: false, error: { code: 'SETUP_NO_CITY_PREVIEW' } });

    value(await core.handlers.setupCityPreview({ sessionId, serverUrl: city.url, code: city.issueEnrollmentCode() }));
    const accepted = value(await core.handlers.setupCityAccept({ sessionId }));
    expect(accepted.roster).toMatchObject({ mode: 'city', enrolled: true, children: preview.children, groups: 12 });
    expect(readyOf(core).kindergartenName).toBe(preview.kindergartenName);
    const actions = auditRows(core.databasePath).map((r) => JSON.parse(r.detail) as { city?: string });
    expect(actions.map((d) => d.city).filter(Boolean)).toEqual(['shown', 'shown', 'not-this-one', 'shown', 'accepted']);

    // Revisited from the console, the roster's source is the city's for good: neither a roster of its own nor
    // another city is taken, and the city's code is not spent on a preview.
    expect(core.handlers.setupChooseOwn({ sessionId })).toMatchObject({ ok: false, error: { code: 'SETUP_ROSTER_ENROLLED' } });
    expect(await core.handlers.setupCityPreview({ sessionId, serverUrl: city.url, code: city.issueEnrollmentCode() })).toMatchObject({ ok: false, error: { code: 'SETUP_ROSTER_ENROLLED' } });
    expect(value(core.handlers.setupStatus({}))).toMatchObject({ cityPreview: null, roster: { mode: 'city', enrolled: true, children: preview.children } });
  });
});
