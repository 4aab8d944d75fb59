/**
 * Authenticator metadata from files: the community passkey-provider list (aaguid.json) and
 * FIDO MDS3 metadata statements. Bad files are problems to report, never exceptions.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  builtInDirectory,
  createAuthenticatorDirectory,
  loadAaguidNames,
  loadAuthenticatorDirectory,
  loadMdsStatements,
} from '../../src/rp/metadata';
import { issueCertificate } from './inspect-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'passkey-lab-metadata-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;
function file(content: string | object): string {
  const path = join(dir, `file-${(counter += 1)}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const GPM = 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4';
const ONE_PASSWORD = 'bada5566-a7aa-401f-bd96-45619a55120d';
const YUBIKEY = 'cb69481e-8ff7-4039-93ec-0a2729a154a8';
const UNKNOWN = '11111111-2222-4333-8444-555555555555';
const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const SVG = 'data:image/svg+xml;base64,PHN2Zy8+';
const rootBase64 = issueCertificate({ subject: { C: 'US', O: 'Test', CN: 'Test Root' }, ca: true }).der.toString('base64');

describe('loadAaguidNames', () => {
  it('without a path: nothing loaded, nothing wrong', () => {
    expect(loadAaguidNames()).toEqual({ entries: new Map(), problems: [] });
    expect(loadAaguidNames('  ')).toEqual({ entries: new Map(), problems: [] });
  });

  it('reads a good file: names and data:image icons, AAGUID keys lowercased', () => {
    const { entries, problems } = loadAaguidNames(
      file({
        [GPM]: { name: 'Google Password Manager', icon_dark: SVG, icon_light: PNG },
        [ONE_PASSWORD.toUpperCase()]: { name: ' 1Password ' },
      }),
    );
    expect(problems).toEqual([]);
    expect(entries.get(GPM)).toEqual({ name: 'Google Password Manager', iconDark: SVG, iconLight: PNG });
    expect(entries.get(ONE_PASSWORD)).toEqual({ name: '1Password' });
  });

  it('drops icons that are not data:image/ URIs (never fetched) and says so', () => {
    const { entries, problems } = loadAaguidNames(
      file({
        [GPM]: { name: 'Google Password Manager', icon_dark: 'https://evil.example/icon.svg', icon_light: 'data:text/html,<script>alert(1)</script>' },
        [ONE_PASSWORD]: { name: '1Password', icon_light: 'javascript:alert(1)', icon_dark: 42 },
      }),
    );
    expect(entries.get(GPM)).toEqual({ name: 'Google Password Manager' });
    expect(entries.get(ONE_PASSWORD)).toEqual({ name: '1Password' });
    expect(problems).toEqual([expect.stringMatching(/4 icon\(s\) were not data:image\/ URIs and were dropped/)]);
  });

  it('a missing file is a problem', () => {
    const path = join(dir, 'nope.json');
    expect(loadAaguidNames(path)).toEqual({ entries: new Map(), problems: [`${path}: the file does not exist.`] });
  });

  it('a folder, an empty file and {} are problems', () => {
    const folder = join(dir, 'folder.json');
    mkdirSync(folder);
    expect(loadAaguidNames(folder).problems).toEqual([`${folder}: this is a folder, not a file.`]);
    const empty = file('');
    expect(loadAaguidNames(empty).problems).toEqual([`${empty}: the file is empty.`]);
    const braces = file({});
    expect(loadAaguidNames(braces)).toEqual({ entries: new Map(), problems: [`${braces}: the file lists no authenticators ({}).`] });
  });

  it('invalid JSON and the wrong shape are problems', () => {
    const broken = file('{ "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4": { "name": ');
    expect(loadAaguidNames(broken).problems).toEqual([expect.stringMatching(/^.+: the file is not valid JSON \(.+\)\.$/)]);
    expect(loadAaguidNames(file([{ name: 'x' }])).problems).toEqual([expect.stringMatching(/expected a JSON object keyed by AAGUID.*got an array/)]);
    expect(loadAaguidNames(file('"text"')).problems).toEqual([expect.stringMatching(/got a string/)]);
  });

  it('bad AAGUID keys and entries without a name are skipped, each reported; good entries stay', () => {
    const { entries, problems } = loadAaguidNames(
      file({ 'not-an-aaguid': { name: 'x' }, [GPM]: { name: 'Google Password Manager' }, [YUBIKEY]: { title: 'no name' }, [UNKNOWN]: 'just text' }),
    );
    expect([...entries.keys()]).toEqual([GPM]);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/"not-an-aaguid" is not an AAGUID/);
    expect(problems[1]).toMatch(new RegExp(`${YUBIKEY} has no "name"`));
  });

  it('only bad keys: every entry skipped and "no usable entries"; a flood of problems is summed up', () => {
    const many = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`bad-${i}`, { name: 'x' }]));
    const { entries, problems } = loadAaguidNames(file(many));
    expect(entries.size).toBe(0);
    expect(problems).toHaveLength(12);
    expect(problems[10]).toMatch(/15 more problem\(s\)/);
    expect(problems[11]).toMatch(/no usable entries/);
  });

  it('a BOM before the JSON is fine', () => {
    expect(loadAaguidNames(file(`\uFEFF${JSON.stringify({ [GPM]: { name: 'G' } })}`)).entries.get(GPM)).toEqual({ name: 'G' });
  });
});

describe('loadMdsStatements', () => {
  const statement = (aaguid: string, extra: object = {}) => ({
    aaguid,
    description: 'Test Key',
    attestationTypes: ['basic_full'],
    attestationRootCertificates: [rootBase64],
    ...extra,
  });

  it('reads an MDS3 BLOB payload, keeping description, roots and a data: icon; U2F/UAF entries skipped silently', () => {
    const { entries, problems } = loadMdsStatements(
      file({
        legalHeader: '...',
        no: 1,
        nextUpdate: '2030-01-01',
        entries: [
          { aaguid: YUBIKEY, metadataStatement: statement(YUBIKEY, { description: 'YubiKey 5 Series', icon: PNG }), statusReports: [] },
          { attestationCertificateKeyIdentifiers: ['abc'], metadataStatement: { description: 'U2F key' } },
          { aaid: '4e4e#4005', metadataStatement: { description: 'UAF' } },
        ],
      }),
    );
    expect(problems).toEqual([]);
    expect([...entries]).toEqual([[YUBIKEY, { description: 'YubiKey 5 Series', attestationRootCertificates: [rootBase64], icon: PNG }]]);
  });

  it('reads an array of statements and a single statement', () => {
    expect(loadMdsStatements(file([statement(YUBIKEY), statement(GPM.toUpperCase())])).entries.size).toBe(2);
    expect(loadMdsStatements(file(statement(YUBIKEY))).entries.get(YUBIKEY)?.description).toBe('Test Key');
  });

  it('drops icons that are not data:image/ URIs and certificates that are not certificates', () => {
    const { entries, problems } = loadMdsStatements(
      file([statement(YUBIKEY, { icon: 'https://example.com/icon.png', attestationRootCertificates: [rootBase64, 'bm90IGEgY2VydA==', 7] })]),
    );
    expect(entries.get(YUBIKEY)).toEqual({ description: 'Test Key', attestationRootCertificates: [rootBase64] });
    expect(problems).toEqual([
      expect.stringMatching(/attestationRootCertificates\[1\] is not a base64 DER certificate/),
      expect.stringMatching(/attestationRootCertificates\[2\] is not a base64 DER certificate/),
      expect.stringMatching(/1 icon\(s\) were not data:image\/ URIs/),
    ]);
  });

  it('missing, empty {}, invalid JSON, a JWT BLOB and the wrong shape are problems', () => {
    expect(loadMdsStatements(join(dir, 'missing.json')).problems).toEqual([expect.stringMatching(/does not exist/)]);
    expect(loadMdsStatements(file({})).problems).toEqual([expect.stringMatching(/holds no metadata statements \(\{\}\)/)]);
    expect(loadMdsStatements(file('[{')).problems).toEqual([expect.stringMatching(/not valid JSON/)]);
    expect(loadMdsStatements(file('eyJhbGciOiJSUzI1NiJ9.eyJlbnRyaWVzIjpbXX0.c2ln')).problems).toEqual([expect.stringMatching(/signed MDS3 BLOB \(a JWT\)/)]);
    expect(loadMdsStatements(file({ foo: 1 })).problems).toEqual([expect.stringMatching(/expected an array of metadata statements/)]);
    expect(loadMdsStatements(file({ entries: [] })).problems).toEqual([expect.stringMatching(/no usable metadata statement/)]);
  });

  it('bad AAGUIDs and entries without a statement are skipped and reported', () => {
    const { entries, problems } = loadMdsStatements(file({ entries: [{ aaguid: 'xyz', metadataStatement: statement('xyz') }, { aaguid: YUBIKEY }, 'junk', { aaguid: GPM, metadataStatement: statement(GPM) }] }));
    expect([...entries.keys()]).toEqual([GPM]);
    expect(problems).toEqual([
      expect.stringMatching(/entry 1: "xyz" is not an AAGUID/),
      expect.stringMatching(new RegExp(`entry 2 \\(${YUBIKEY}\\) has no metadataStatement`)),
      expect.stringMatching(/entry 3 is not a metadata statement/),
    ]);
  });
});

describe('createAuthenticatorDirectory', () => {
  it('names from the provider list, else the MDS description, else the built-in table; icons and roots', () => {
    const directory = createAuthenticatorDirectory({
      names: new Map([[GPM, { name: 'Google Password Manager (file)', iconLight: PNG }]]),
      statements: new Map([
        [GPM, { description: 'GPM statement', attestationRootCertificates: [], icon: SVG }],
        [YUBIKEY, { description: 'YubiKey from MDS', attestationRootCertificates: [rootBase64], icon: SVG }],
      ]),
    });
    expect(directory.lookup(GPM)).toEqual({ name: 'Google Password Manager (file)', iconLight: PNG, iconDark: SVG, attestationRoots: [] });
    expect(directory.lookup(YUBIKEY.toUpperCase())).toEqual({ name: 'YubiKey from MDS', iconLight: SVG, iconDark: SVG, attestationRoots: [rootBase64] });
    expect(directory.lookup(ONE_PASSWORD)).toEqual({ name: '1Password', attestationRoots: [] });
    expect(directory.lookup(UNKNOWN)).toEqual({ name: null, attestationRoots: [] });
    expect(directory.lookup('00000000-0000-0000-0000-000000000000')).toEqual({ name: null, attestationRoots: [] });
    expect(directory.lookup('garbage')).toEqual({ name: null, attestationRoots: [] });
    expect(directory.sizes).toMatchObject({ names: 1, statements: 2 });
  });

  it('the built-in directory is the shared table', () => {
    expect(builtInDirectory.lookup(ONE_PASSWORD).name).toBe('1Password');
    expect(builtInDirectory.sizes.names).toBe(0);
  });

  it('loadAuthenticatorDirectory reads both files and gathers their problems', () => {
    const { directory, problems } = loadAuthenticatorDirectory({
      aaguidMetadataPath: file({ [UNKNOWN]: { name: 'Lab Key' } }),
      mdsMetadataPath: join(dir, 'absent.json'),
    });
    expect(directory.lookup(UNKNOWN).name).toBe('Lab Key');
    expect(problems).toEqual([expect.stringMatching(/absent\.json: the file does not exist/)]);
    expect(loadAuthenticatorDirectory({}).problems).toEqual([]);
  });
});
