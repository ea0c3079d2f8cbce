import { fold } from "./fold.js";

/**
 * Words that carry no meaning for "who does what": Danish function words (the
 * Snowball Danish list), the phrasing of questions ("hvem tager sig af", "hvor
 * sender jeg", "kan hjælpe med", "i dag"), the small words of everyday speech the Snowball
 * list lacks ("så", "lige", "stadig": "så" folded would meet "SA" in a unit's name), and the
 * English equivalents (Snowball's English list, without "by", a Danish word the catalogue needs).
 */
const DANISH = `ad af alle alt anden at blev blive bliver da de dem den denne der deres det dette dig
din disse dog du efter eller en end er et for fra ham han hans har havde have hende hendes her hos
hun hvad hvis hvor i ikke ind jeg jer jo kunne man mange med meget men mig min mine mit mod ned noget
nogle nu når og også om op os over på selv sig sin sine sit skal skulle som sådan thi til ud under var
vi vil ville vor være været`;

const SPEECH = `så ja nej helt hele mest fleste stadig allerede altid aldrig igen imod langt rigtig godt sammen
forbi derinde derude herinde derhenne ellers endnu næsten måske vist faktisk egentlig netop blot
hvorfor intet andre andet begge enten hvert enhver mens før inden via fx osv ting noget
nogensinde snart`;

const QUESTION = `hvem hvilken hvilket hvilke hvordan hvorfor hvornår hvorhen hvortil tager tage tag sig
hjælpe hjælp hjælper henvende henvender henvendelse sende sender send ringe ringer ringede spørge
spørger spørgsmål kontakte kontakter ansvar ansvaret ansvarlig ansvarlige står stå laver lave gør
gøre bruge bruger brug gerne nogen nogle enhed enheden enheder afdeling afdelingen kommune kommunen
behandler behandle sørger sørge varetager varetage klarer klare håndterer håndtere vide ved hej tak
venligst please kan må får få have vil skal mon lige altså fordi hendes hans hende ham borger
borgeren borgere spørg finde finder kontakt kontakten kontaktperson kontaktpersonen mail mailen
email e-mail mailadresse mailadressen telefon telefonnummer telefonnummeret nummer nummeret person
personen hen henne klager passer dag idag igår imorgen arbejder bestemmer kæmper ordner
fikser hånd beskæftiger kigger svare svarer udfører hver kommer komme kom bare blevet`;

const ENGLISH = `a an and are about at be can could do does for from help handles handle handling
how i in is it me my of on or please responsible should the their them there this to what when where
which who whom whose why will with would you your deals deal take takes care contact person phone
number email fix fixes fixing helps helping manage manages managing organise organises organize organizes
arrange arranges need needs want wants like works working looks look looking runs running charge
into after does doing
myself we our ours ourselves yours yourself yourselves he him his himself she her hers herself its
itself they theirs themselves this that these those am was were been being has had having did would
ought isn aren wasn weren hasn haven hadn doesn don didn won wouldn shouldn couldn cannot let but if
because as until while against between through during before above below up down out off over under
again further then once here there all any both each few more most other some such no nor not only
own same than too very just also get gets got go goes going know knows tell told ask asks asked
question questions answer answers someone somebody anyone anybody people municipality municipal
department departments unit units section`;

/** Compared folded, so "pa" (på) and "hjaelp" (hjælp) are stop words too. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${DANISH} ${SPEECH} ${QUESTION} ${ENGLISH}`.split(/\s+/).filter(Boolean).map(fold),
);

/** An abbreviation written in capitals is a name, not a function word: "MED", "IT", "AT". */
const ABBREVIATION = /^\p{Lu}{2,5}$/u;

export function isStopWord(word: string): boolean {
  if (ABBREVIATION.test(word)) return false;
  return STOP_WORDS.has(word) || STOP_WORDS.has(fold(word));
}
