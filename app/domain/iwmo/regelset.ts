/**
 * Every iWmo 3.2 rule our checker runs on a WMO301, by its code. Rules that need a register we
 * do not have (TR056 over all messages sent, TR332 over the gemeente's whole Wmo domain, TR381
 * against the productcodelijst) are checked where the data is: iwmo_berichten, the nummerreeks
 * per gemeente, the award. Here they apply within the one message.
 */
import { leesWmo301, OnleesbaarBericht } from "./bericht";
import type { Context, Regel, Regelfout } from "./regel";
import { OP192 } from "./regels/technisch";
import { CS015, CS025, OP254, RS047, TR378 } from "./regels/header";
import { CD005, CD025, CD034, CS050, CS089, RS045, TR002, TR006, TR061, TR134 } from "./regels/client";
import { CD041, CD075, CD076, CD077, CD078, CD079, CD080, CS003, CS335, CS336, CS338, RS031 } from "./regels/product";
import { OP191, TR101, TR302, TR332 } from "./regels/bericht";

export const REGELS: readonly Regel[] = [
  OP192,
  RS047,
  CS025,
  CS015,
  TR378,
  OP254,
  TR002,
  TR134,
  RS045,
  CS050,
  TR061,
  TR006,
  CD025,
  CD034,
  CS089,
  CD005,
  CD041,
  CD077,
  CD078,
  CD079,
  CD080,
  CD075,
  CD076,
  CS003,
  CS335,
  CS336,
  CS338,
  RS031,
  TR302,
  TR101,
  TR332,
  OP191,
];

/** The rules (not the XSD) on a message: every breach, with its code and a Dutch message. */
export function regelfouten(xml: string, context: Context = {}): Regelfout[] {
  let bericht;
  try {
    bericht = leesWmo301(xml);
  } catch (e) {
    if (e instanceof OnleesbaarBericht) return [{ code: "XML", melding: e.message }];
    throw e;
  }
  return REGELS.flatMap((r) => r.controleer(bericht, context).map((melding) => ({ code: r.code, melding })));
}
