import { describe, expect, it } from 'vitest';
import { properNames, quotedFigures } from '../../src/brief/cluster/event-marks.ts';

describe('properNames', () => {
  it('takes runs of capitalised words inside a sentence as one name, joined by "of" and its kin', () => {
    expect(properNames('Rates were raised by the Bank of England on Thursday, said Andrew Bailey.')).toEqual(['bank of england', 'andrew bailey']);
  });

  it('takes a sentence’s first word only when it is an acronym or more capitals follow it', () => {
    expect(properNames('Voters rejected it. Pedro Sánchez won. FDIC staff arrived.')).toEqual(['pedro sanchez', 'fdic']);
  });

  it('leaves out days, months and capitalised function words in every language', () => {
    expect(properNames('El lunes, el Congreso votó. Le 7 mai, Emmanuel Macron a gagné. Am Mittwoch trat Martin Winterkorn zurück.')).toEqual(['congreso', 'emmanuel macron', 'martin winterkorn']);
  });

  it('drops the possessive, so "Musk’s" and "Musk" are one name', () => {
    expect(properNames('It was Elon Musk’s deal, and Elon Musk closed it.')).toEqual(['elon musk']);
  });
});

describe('quotedFigures', () => {
  it('reads thousands separators and decimal commas the way each language writes them', () => {
    expect(quotedFigures('17,410,742 votes; 52,1 % in Spain; 12.000 Menschen; 51.9 per cent')).toEqual(["17410742", "52.1", "12000", "51.9"]);
  });

  it('treats a percentage and the bare figure as one', () => {
    expect(quotedFigures('rates of 0.25%')).toEqual(quotedFigures('rates of 0.25 per cent'));
  });

  it('leaves out small whole numbers and years, which every story of a day or a year shares', () => {
    expect(quotedFigures('On 12 May 2019, 3 people and 150 passengers')).toEqual(['150']);
  });
});
