/** One CAMEO event code: its codebook name and its Goldstein (1992) cooperation–conflict weight, −10 to +10. */
export interface CameoEntry {
  readonly name: string;
  readonly goldstein: number;
}

/**
 * The CAMEO codes we accept, with the standard Goldstein weights as published with the CAMEO
 * codebook (and used by GDELT). Only codes whose weights are certain are listed; add more from
 * that table, never by estimate. Root categories appear as their `…0` "not specified below" code.
 */
export const CAMEO_CODES = {
  '010': { name: 'Make statement', goldstein: 0 },
  '011': { name: 'Decline comment', goldstein: -0.1 },
  '012': { name: 'Make pessimistic comment', goldstein: -0.4 },
  '013': { name: 'Make optimistic comment', goldstein: 0.4 },
  '014': { name: 'Consider policy option', goldstein: 0 },
  '015': { name: 'Acknowledge or claim responsibility', goldstein: 0 },
  '017': { name: 'Engage in symbolic act', goldstein: 0 },
  '018': { name: 'Make empathetic comment', goldstein: 3.4 },
  '019': { name: 'Express accord', goldstein: 3.4 },
  '020': { name: 'Make an appeal or request', goldstein: 3 },
  '030': { name: 'Express intent to cooperate', goldstein: 4 },
  '036': { name: 'Express intent to meet or negotiate', goldstein: 4 },
  '040': { name: 'Consult', goldstein: 1 },
  '041': { name: 'Discuss by telephone', goldstein: 1 },
  '042': { name: 'Make a visit', goldstein: 1.9 },
  '043': { name: 'Host a visit', goldstein: 2.8 },
  '044': { name: 'Meet at a third location', goldstein: 2.5 },
  '045': { name: 'Mediate', goldstein: 5 },
  '046': { name: 'Engage in negotiation', goldstein: 7 },
  '050': { name: 'Engage in diplomatic cooperation', goldstein: 3.5 },
  '051': { name: 'Praise or endorse', goldstein: 3.4 },
  '057': { name: 'Sign formal agreement', goldstein: 8 },
  '060': { name: 'Engage in material cooperation', goldstein: 6 },
  '061': { name: 'Cooperate economically', goldstein: 6.4 },
  '062': { name: 'Cooperate militarily', goldstein: 7.4 },
  '070': { name: 'Provide aid', goldstein: 7 },
  '080': { name: 'Yield', goldstein: 5 },
  '090': { name: 'Investigate', goldstein: -2 },
  '100': { name: 'Demand', goldstein: -5 },
  '110': { name: 'Disapprove', goldstein: -2 },
  '111': { name: 'Criticize or denounce', goldstein: -2 },
  '112': { name: 'Accuse', goldstein: -2 },
  '114': { name: 'Complain officially', goldstein: -2 },
  '120': { name: 'Reject', goldstein: -4 },
  '130': { name: 'Threaten', goldstein: -4.4 },
  '131': { name: 'Threaten non-force', goldstein: -5.8 },
  '1312': { name: 'Threaten to boycott, embargo, or sanction', goldstein: -5.8 },
  '138': { name: 'Threaten to use military force', goldstein: -7 },
  '1381': { name: 'Threaten blockade', goldstein: -7 },
  '139': { name: 'Give ultimatum', goldstein: -7 },
  '140': { name: 'Engage in political dissent', goldstein: -6.5 },
  '150': { name: 'Demonstrate military or police power', goldstein: -7.2 },
  '151': { name: 'Increase police alert status', goldstein: -7.2 },
  '152': { name: 'Increase military alert status', goldstein: -7.2 },
  '153': { name: 'Mobilize or increase police power', goldstein: -7.2 },
  '154': { name: 'Mobilize or increase armed forces', goldstein: -7.2 },
  '160': { name: 'Reduce relations', goldstein: -4 },
  '161': { name: 'Reduce or break diplomatic relations', goldstein: -4 },
  '162': { name: 'Reduce or stop material aid', goldstein: -5.6 },
  '163': { name: 'Impose embargo, boycott, or sanctions', goldstein: -8 },
  '164': { name: 'Halt negotiations', goldstein: -7 },
  '166': { name: 'Expel or withdraw', goldstein: -7 },
  '170': { name: 'Coerce', goldstein: -7 },
  '171': { name: 'Seize or damage property', goldstein: -9.2 },
  '172': { name: 'Impose administrative sanctions', goldstein: -5 },
  '173': { name: 'Arrest, detain, or charge with legal action', goldstein: -5 },
  '174': { name: 'Expel or deport individuals', goldstein: -5 },
  '180': { name: 'Use unconventional violence', goldstein: -9 },
  '190': { name: 'Use conventional military force', goldstein: -10 },
  '191': { name: 'Impose blockade, restrict movement', goldstein: -9.5 },
  '192': { name: 'Occupy territory', goldstein: -9.5 },
  '193': { name: 'Fight with small arms and light weapons', goldstein: -10 },
  '194': { name: 'Fight with artillery and tanks', goldstein: -10 },
  '195': { name: 'Employ aerial weapons', goldstein: -10 },
  '196': { name: 'Violate ceasefire', goldstein: -9.5 },
  '200': { name: 'Use unconventional mass violence', goldstein: -10 },
} as const satisfies Record<string, CameoEntry>;

/** A code of `CAMEO_CODES`, e.g. `'150'`. */
export type CameoCode = keyof typeof CAMEO_CODES;

/** Every accepted code, for validators (`IsIn`). */
export const CAMEO_CODE_LIST = Object.keys(CAMEO_CODES) as CameoCode[];

/** Narrows a string to a known code; own keys only, so `'constructor'` or `'__proto__'` never pass. */
export const isCameoCode = (code: string): code is CameoCode => Object.hasOwn(CAMEO_CODES, code);

/** The Goldstein weight of `code`, or `undefined` for a code we do not know. */
export function goldsteinWeight(code: string): number | undefined {
  return isCameoCode(code) ? CAMEO_CODES[code].goldstein : undefined;
}
