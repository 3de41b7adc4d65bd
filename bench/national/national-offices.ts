import { intBetween, orgNumber, skewedIndex, type Random } from './random.js';

/** One NAV office of the synthetic country, with what it works with. */
export interface SyntheticOffice {
  officeNumber: string;
  /** Share of national activity: a few large city offices, many small ones. */
  weight: number;
  advisors: string[];
  /** Establishments of the office's area it has met so far, in the order it met them. */
  employers: string[];
  /** How many establishments the area has (SSB 2023: ~209,000 nationally, ~800 per office on average). */
  employerCapacity: number;
  /** Providers (tiltaksarrangører) the office buys measures from. */
  providers: string[];
}

const NATIONAL_STAFF_IN_FOLLOW_UP = 7_600; // about 40 % of NAV's ~19,000 staff
const NATIONAL_ESTABLISHMENTS = 209_000;
const NATIONAL_PROVIDERS = 600; // of the >31,000 providers, the few hundred that run most places

/**
 * Offices ranked by size with Zipf-like weights (the largest ~50× the smallest, as Oslo's
 * districts against a rural office), numbered with distinct 4-digit `enhetsnummer`s.
 */
export function nationalOffices(rnd: Random, count: number): SyntheticOffice[] {
  const numbers = new Set<string>();
  while (numbers.size < count) numbers.add(String(intBetween(rnd, 101, 5699)).padStart(4, '0'));
  const raw = [...numbers].map((_, rank) => 1 / (rank + 5));
  const total = raw.reduce((a, b) => a + b, 0);
  const providers = Array.from({ length: NATIONAL_PROVIDERS }, () => orgNumber(rnd));
  return [...numbers].map((officeNumber, rank) => {
    const weight = raw[rank]! / total;
    const advisorCount = Math.max(4, Math.round(NATIONAL_STAFF_IN_FOLLOW_UP * weight));
    const used = new Set<string>();
    const officeProviders: string[] = [];
    const providerCount = Math.min(NATIONAL_PROVIDERS, Math.max(4, Math.round(advisorCount / 3)));
    while (officeProviders.length < providerCount) {
      const provider = providers[skewedIndex(rnd, providers.length, 2)]!;
      if (used.has(provider)) continue;
      officeProviders.push(provider);
      used.add(provider);
    }
    return {
      officeNumber,
      weight,
      advisors: Array.from({ length: advisorCount }, () => `${'ZHMA'[intBetween(rnd, 0, 3)]}${String(intBetween(rnd, 100000, 999999))}`),
      employers: [],
      employerCapacity: Math.max(50, Math.round(NATIONAL_ESTABLISHMENTS * weight)),
      providers: officeProviders,
    };
  });
}

/** An office, as likely as its share of national activity. */
export function pickOffice(rnd: Random, offices: readonly SyntheticOffice[], except?: SyntheticOffice): SyntheticOffice {
  for (;;) {
    let r = rnd();
    for (const office of offices) if ((r -= office.weight) < 0) return office === except ? pickOffice(rnd, offices, except) : office;
    if (offices[0] !== except) return offices[0]!;
  }
}

/** An advisor of the office; some do far more employer work than others. */
export const pickAdvisor = (rnd: Random, office: SyntheticOffice): string =>
  office.advisors[skewedIndex(rnd, office.advisors.length, 1.6)]!;
