import { describe, expect, it } from 'vitest';
import { askingClause, askingSentence, isWhenWord, namedThings } from './documents.question.js';

describe('what a question asks about', () => {
  it('the asking sentence is the one with the question mark, after the situation', () => {
    expect(askingSentence('Jeg har fået en ny cykel. Kan jeg få tilskud til den?')).toBe('Kan jeg få tilskud til den?');
    expect(askingClause('Må jeg tage fri, hvis min hund er syg?')).toBe('Må jeg tage fri');
  });

  it('the things named are the words after an article, a possessive (with an adjective) or a preposition, and names', () => {
    expect(namedThings('Må min svigermor låne en parkeringsplads ved Rådhuset, når hun besøger mig?')).toEqual(
      expect.arrayContaining(['svigermor', 'parkeringsplads', 'rådhuset']),
    );
    expect(namedThings('Kan jeg få min egen printer til kontoret?')).toEqual(expect.arrayContaining(['printer', 'kontoret']));
    // The verb after the subject is no thing, and a situation sentence is not the question.
    expect(namedThings('Jeg har mistet mit nøglekort. Må jeg låne et?')).not.toContain('nøglekort');
    expect(namedThings('Må jeg gå hjem?')).toEqual([]);
  });

  it('an adjective before its noun is no thing, nor is a word too general to name one', () => {
    expect(namedThings('Kan jeg aflevere de flade batterier her?')).toEqual(['batterier']);
    expect(namedThings('Kan jeg få en særlig uniform?')).toEqual(['uniform']);
    // The word after the determiner is the thing itself when a preposition, a verb or nothing follows it.
    expect(namedThings('Må jeg tage en smøg i pausen?')).toEqual(['smøg', 'pausen']);
    expect(namedThings('Må jeg have en nikotinpose?')).toEqual(['nikotinpose']);
    expect(namedThings('Må jeg tegne for folk i fritiden?')).toEqual(['fritiden']);
    const general = namedThings('Har man fri på selve dagen, hvis kortet er gået i stykker?');
    expect(general).not.toContain('selve');
    expect(general).not.toContain('stykker');
  });

  it('words that only say when ("om morgenen", "over nytår", "på et tidspunkt") are no things, but a compound on one is', () => {
    expect(namedThings('Må jeg sende en sms om morgenen?')).toEqual(['sms']);
    expect(namedThings('Kan jeg tage dem med over nytår?')).toEqual([]);
    expect(namedThings('Bliver HR involveret på et tidspunkt?')).not.toContain('tidspunkt');
    expect(namedThings('Spørger hun om sin mødetid?')).toEqual(['mødetid']);
    expect(isWhenWord('eftermiddags')).toBe(true);
    expect(isWhenWord('morgenmad')).toBe(false);
  });
});
