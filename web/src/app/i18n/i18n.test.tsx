// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, makeUser, renderApp, setupWebTests } from '../../test/harness';
import { da } from './da';
import { en } from './en';
import { i18n, LOCALE_STORAGE_KEY } from './index';

setupWebTests();

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('languages', () => {
  it('Danish and English have the same keys and no empty texts', () => {
    expect(keys(en).sort()).toEqual(keys(da).sort());
    for (const [name, res] of [['da', da], ['en', en]] as const) {
      const empty = keys(res).filter((k) => {
        const value = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], res);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty, `empty texts in ${name}`).toEqual([]);
    }
  });

  it('counts read as numbers in the language\'s format with the noun in its number: "1 kørsel", "1.234 kørsler"', () => {
    const da = i18n.getFixedT('da');
    const en = i18n.getFixedT('en');
    expect(da('count.runs', { count: 1 })).toBe('1 kørsel');
    expect(da('count.runs', { count: 1234 })).toBe('1.234 kørsler');
    expect(da('count.documents', { count: 1 })).toBe('1 dokument');
    expect(da('count.weeks', { count: 1 })).toBe('1 uge');
    expect(da('count.minutes', { count: 12.5 })).toBe('12,5 minutter');
    expect(en('count.runs', { count: 1234 })).toBe('1,234 runs');
    expect(da('audit.intact', { count: 100000 })).toBe('Revisionssporet er intakt (100.000 hændelser kontrolleret)');
    expect(da('trials.participants.saved', { count: 1 })).toBe('Deltagerne er gemt. Prøvehandlingen har nu 1 deltager.');
  });

  it('no text puts a bare number before a plural noun: such sentences go through plural keys or count.*', () => {
    for (const [name, res, nouns] of [
      ['da', da, /\{\{\w+\}\} (kørsler|dokumenter|uger|minutter|deltagere|dage|gange|hændelser|personer|citater|henvisninger|refleksioner)\b/],
      ['en', en, /\{\{\w+\}\} (runs|documents|weeks|minutes|participants|days|times|events|people|quotes|references|reflections)\b/],
    ] as const) {
      const texts = keys(res).map((k) => [k, k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], res)] as const);
      const bare = texts.filter(([k, v]) => typeof v === 'string' && !/_(one|other)$/.test(k) && nouns.test(v)).map(([k]) => k);
      expect(bare, `bare counts in ${name}`).toEqual([]);
      const unformatted = texts.filter(([, v]) => typeof v === 'string' && v.includes('{{count}}')).map(([k]) => k);
      expect(unformatted, `counts without the number format in ${name}`).toEqual([]);
    }
  });

  it('when a signed-in person switches to English, then texts, <html lang> and storage change and the choice is saved', async () => {
    const api = fakeApi(makeUser('EMPLOYEE'));
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Mine prøvehandlinger' });
    expect(document.documentElement.lang).toBe('da');

    const toEnglish = screen.getByRole('button', { name: 'Change language to English' });
    expect(toEnglish.getAttribute('lang')).toBe('en');
    fireEvent.click(toEnglish);

    expect(await screen.findByRole('heading', { level: 1, name: 'My trials' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main menu' }).textContent).toContain('Trials');
    expect(screen.getByTestId('header-user-info').textContent).toBe('Employee, Borgerservice');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    await waitFor(() => expect(api.calls('PATCH', '/api/auth/me').map((r) => r.body)).toEqual([{ locale: 'en' }]));
    // The title is set in an effect, which can run a moment after the heading is in the page.
    await waitFor(() => expect(document.title).toBe('Home – AI trials – Rødovre Municipality'));

    fireEvent.click(screen.getByRole('button', { name: 'Skift sprog til dansk' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mine prøvehandlinger' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('da');
  });

  it('on the sign-in page the switch works without saving anything on the server', async () => {
    const api = fakeApi(null);
    renderApp('/log-ind');
    await screen.findByLabelText('E-mailadresse');

    fireEvent.click(screen.getByTestId('language-switch'));

    expect(await screen.findByLabelText('Email address')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(api.calls('PATCH', '/api/auth/me')).toHaveLength(0);
  });
});
