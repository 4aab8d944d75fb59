import { describe, expect, it } from 'vitest';
import { parseArgs, parseGuideConfig, scenarioIds } from './config';

describe('parseArgs', () => {
  it('defaults to every format into guide/', () => {
    expect(parseArgs([])).toEqual({ configPath: null, scenarios: null, out: 'guide', formats: ['html', 'md', 'pdf'] });
  });

  it.each([
    [['--scenarios', 'sign-in,register-here'], { scenarios: ['sign-in', 'register-here'] }],
    [['--scenarios=sign-in,sign-in'], { scenarios: ['sign-in'] }],
    [['--out', 'docs/rollout', '--format', 'md'], { out: 'docs/rollout', formats: ['md'] }],
    [['--config=contoso.json'], { configPath: 'contoso.json' }],
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv)).toMatchObject(expected);
  });

  it.each([
    [['--scenarios', 'nope'], /--scenarios: unknown "nope"; choose from admin-setup/],
    [['--format', 'docx'], /--format: unknown "docx"/],
    [['--format', ''], /--format needs a value/],
    [['--out'], /--out needs a value/],
    [['--colour', 'red'], /unknown option --colour/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe('parseGuideConfig', () => {
  it('fills in the defaults', () => {
    const config = parseGuideConfig({});
    expect(config).toMatchObject({ organisation: '', appName: 'Passkey Lab', logo: null, accentColor: '#1d4ed8', scenarios: [...scenarioIds] });
    expect(config.intro).toMatch(/private key/);
  });

  it.each([
    [{ accentColor: 'teal' }, /accentColor must be a colour like #1d4ed8/],
    [{ scenarios: ['sign-in', 'dance'] }, /scenarios\.1/],
    [{ appName: '' }, /appName/],
    [{ colour: '#000000' }, /Unrecognized key/i],
  ])('names the field of %j', (input, message) => {
    expect(() => parseGuideConfig(input)).toThrow(message);
  });
});
