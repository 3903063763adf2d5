// The API words its messages in English (they are its contract with hospital software); a
// pharmacist reads them in French. Every validation message the routes of the pharmacist's screens
// can answer (PUI, declaration and its CSV, lots, orders) has its French here; one we do not know
// (a newer API) is never shown in English: it becomes a French sentence asking to check the value.
// The API's `detail` of other failures (conflict, not found…) is shown only when translated here:
// the screen's own French message says what happened.
const NUMBER = new Intl.NumberFormat('fr-FR');
const number = (digits) => NUMBER.format(Number(digits));
const DAYS = { monday: 'lundi', tuesday: 'mardi', wednesday: 'mercredi', thursday: 'jeudi', friday: 'vendredi', saturday: 'samedi', sunday: 'dimanche' };
const STATUSES = {
  SUBMITTED: 'envoyée', APPROVED: 'acceptée', PARTIALLY_APPROVED: 'acceptée en partie', REJECTED: 'refusée',
  SHIPPED: 'expédiée', CANCELLED: 'annulée',
};
const day = (iso) => iso.split('-').reverse().join('/');
/** '50 de 2026' of '2026-W50' */
const week = (iso) => `${Number(iso.slice(iso.indexOf('-W') + 2))} de ${iso.slice(0, iso.indexOf('-W'))}`;

const UNKNOWN = 'n’est pas acceptée par Dispostock : vérifiez cette valeur';

/** [pattern of the API's message, its French]: the message of one field (a JSON pointer). */
const FIELD_MESSAGES = [
  // every route
  [/^is required$/, () => 'est obligatoire'],
  [/^is empty$/, () => 'est vide'],
  [/^must be at most (\d+) characters$/, (m) => `a au plus ${number(m[1])} caractères`],
  [/^must not contain the invisible or control character U\+([0-9A-F]{4}) \(at character (\d+)\)$/,
    (m) => `contient un caractère invisible ou de contrôle (U+${m[1]}, au caractère ${m[2]}) : retapez ce texte`],
  [/^(\w+) must not contain the invisible or control character U\+([0-9A-F]{4}) \(at character (\d+)\)$/,
    (m) => `la colonne ${m[1]} contient un caractère invisible ou de contrôle (U+${m[2]}, au caractère ${m[3]})`],
  [/^must be a whole number of units from (\d+) to (\d+)$/, (m) => `doit être un nombre entier d’unités, de ${number(m[1])} à ${number(m[2])}`],
  [/^must be a number from (\d+) to (\d+)$/, (m) => `doit être un nombre de ${number(m[1])} à ${number(m[2])}`],
  [/^must have at most (\d+) decimals$/, (m) => `a au plus ${m[1]} décimales`],
  [/^'' is not a number$/, () => 'est vide : saisissez 0 pour un zéro, ou retirez la ligne d’un médicament non déclaré'],
  [/^'(.*)' is not a number$/, (m) => `« ${m[1]} » n’est pas un nombre`],
  [/^is too long for a number \((\d+) characters\)$/, (m) => `est trop long pour un nombre (${number(m[1])} caractères)`],
  [/^must be a date such as .*$/, () => 'doit être une date (jour, mois, année)'],
  [/^must be a date from (\S+) to (\S+)$/, (m) => `doit être une date du ${day(m[1])} au ${day(m[2])}`],
  [/^week (\S+) must be written like .*$/, (m) => `la semaine ${m[1]} n’existe pas (attendu : année-W numéro, par exemple 2026-W48)`],
  [/^week (\S+) does not exist: (\d+) has ISO weeks 1 to (\d+)$/, (m) => `la semaine ${week(m[1])} n’existe pas : ${m[2]} compte ${m[3]} semaines`],
  [/^week year (\d+) is out of range.*$/, (m) => `l’année ${m[1]} est hors de la période de Dispostock (2000 à 2999)`],
  [/^Required Body .* not specified$/, () => 'le fichier ou le formulaire envoyé est vide'],
  [/^must be the version read, e\.g\. .*$/, () => 'la version de la fiche lue manque : rechargez la page'],
  [/^must be a whole number between 1 and (\d+)$/, (m) => `doit être un nombre entier de 1 à ${number(m[1])}`],
  [/^is not a cursor this route gave.*$/, () => 'la suite de l’historique demandée n’existe pas : rechargez la page'],
  [/^the body is not .*$/, () => 'le contenu envoyé n’a pas pu être lu : rechargez la page puis recommencez'],
  // FINESS numbers
  [/^a FINESS number is required$/, () => 'le numéro FINESS est obligatoire'],
  [/^FINESS (\S+) has \d+ .*$/, (m) => `le numéro FINESS ${m[1]} n’a pas 9 caractères`],
  [/^FINESS (\S+) fails its check digit.*$/, (m) => `le numéro FINESS ${m[1]} est erroné (clé de contrôle)`],
  [/^FINESS (\S+) does not belong to any of the 101 départements.*$/, (m) => `le numéro FINESS ${m[1]} ne correspond à aucun département`],
  [/^FINESS (\S+) .*$/, (m) => `le numéro FINESS ${m[1]} n’est pas valide`],
  // the PUI's card
  [/^must be the FINESS in the path \((\S+)\) or absent$/, (m) => `doit être le FINESS de la PUI (${m[1]})`],
  [/^a PUI stays with its establishment \((\S+)\)$/, (m) => `une PUI reste rattachée à son établissement (${m[1]})`],
  [/^must be an e-mail address such as .*$/, () => 'doit être une adresse e-mail, par exemple pharmacie@chu-exemple.fr'],
  [/^must be a phone number .*$/, () => 'doit être un numéro de téléphone (chiffres, espaces, +)'],
  [/^(\S+) is not a site of establishment (\S+) .*$/, (m) => `${m[1]} n’est pas un site de l’établissement ${m[2]} dans le répertoire FINESS : l’ARS doit d’abord l’ajouter`],
  [/^establishment (\S+) is closed$/, (m) => `l’établissement ${m[1]} est fermé`],
  [/^is required: the State stock is delivered there$/, () => 'l’adresse de livraison est obligatoire : le stock de l’État y est livré'],
  [/^must be a French postal code of 5 digits$/, () => 'doit être un code postal de 5 chiffres'],
  // the week's declaration, by grid or CSV
  [/^week (\S+) has not started yet.*$/, (m) => `la semaine ${week(m[1])} n’a pas encore commencé`],
  [/^establishment (\S+) is closed: its PUIs no longer declare$/, (m) => `l’établissement ${m[1]} est fermé : ses PUI ne déclarent plus`],
  [/^at least one line is required; a zero stock is declared as 0$/, () => 'au moins une ligne est attendue ; un stock nul se déclare 0'],
  [/^is required; a zero stock is declared as 0$/, () => 'est obligatoire ; un stock nul se déclare 0'],
  [/^is required; declare 0 when nothing is consumed$/, () => 'est obligatoire ; déclarez 0 si rien n’est consommé'],
  [/^item (.+) is not one this PUI declares this week$/, (m) => `le médicament ${m[1]} n’est pas attendu de cette PUI cette semaine`],
  [/^item (.+) is declared twice.*$/, (m) => `le médicament ${m[1]} est déclaré deux fois`],
  [/^the file is empty.*$/, () => 'le fichier est vide : la première ligne doit être l’en-tête itemId;stock;averageDailyConsumption'],
  [/^missing column (\S+)$/, (m) => `la colonne ${m[1]} manque dans l’en-tête`],
  // Thursday's lots
  [/^(\S+) is a (\w+); State-stock lots are declared for a Thursday$/, (m) => `le ${day(m[1])} est un ${DAYS[m[2]] ?? m[2]} : les lots se déclarent pour un jeudi`],
  [/^(\d{4}-\d{2}-\d{2}) is still to come$/, (m) => `le ${day(m[1])} n’est pas encore arrivé`],
  [/^at least one lot is required.*$/, () => 'au moins un lot est attendu ; un lot épuisé se déclare avec la quantité 0'],
  [/^must be a vaccine or antiviral of the State-stock catalogue$/, () => 'doit être un vaccin ou un antiviral du catalogue'],
  [/^lot (.+) expired on (\S+): declare it with .*$/, (m) => `le lot ${m[1]} est périmé depuis le ${day(m[2])} : cochez « périmé » pour qu’il soit repris`],
  [/^lot (.+) expires on (\S+), after (\S+)$/, (m) => `le lot ${m[1]} périme le ${day(m[2])}, après le ${day(m[3])} : il n’est pas périmé`],
  [/^lot (.+) of (.+) is declared twice.*$/, (m) => `le lot ${m[1]} de ${m[2]} est déclaré deux fois`],
  // orders
  [/^the header is required: .*$/, () => 'la commande n’a pas pu être identifiée : rechargez la page puis recommencez'],
  [/^this key already placed order (\S+) with other lines.*$/, (m) => `ce formulaire a déjà passé la commande ${m[1]} : rechargez la page pour une nouvelle commande`],
  [/^at least one product is ordered$/, () => 'commandez au moins un produit'],
  [/^is not a product of the State-stock catalogue$/, () => 'n’est pas un produit du catalogue du stock de l’État'],
  [/^(\S+) can no longer be ordered$/, (m) => `${m[1]} ne peut plus être commandé`],
  [/^must be whole packs of (\d+) .*$/, (m) => `doit être un nombre entier de boîtes (de ${number(m[1])} chacune)`],
  [/^(\S+) is ordered twice$/, (m) => `${m[1]} est commandé deux fois`],
  // the authorities' screens: order review and shipment, medicines, instructions
  [/^is required when less than ordered is approved$/, () => 'est obligatoire quand vous approuvez moins que la quantité commandée'],
  [/^cannot exceed the (\d+) ordered$/, (m) => `ne peut dépasser les ${number(m[1])} unités commandées`],
  [/^more (.+) than the (\d+) approved$/, (m) => `plus de ${m[1]} que les ${number(m[2])} unités approuvées`],
  [/^must be more than 0$/, () => 'doit être supérieure à 0'],
  [/^lot (.+) expired on (\S+), before it was shipped$/, (m) => `le lot ${m[1]} était périmé (${day(m[2])}) avant son expédition`],
  [/^is still to come$/, () => 'ne peut pas être dans le futur'],
  [/^must not be before (trackingStart|validFrom)$/, () => 'ne peut pas précéder la date de début'],
  [/^UCD (\S+) is already tracked in item (.+)$/, (m) => `le code UCD ${m[1]} est déjà suivi dans ${m[2]}`],
];

/** [pattern of the API's detail of a failure, its French]. */
const DETAILS = [
  // a week of the address refused: the field's message, as a sentence
  [/^week .*$/, (m) => (inFrench(m[0]) === UNKNOWN ? '' : `${inFrench(m[0]).replace(/^./, (c) => c.toUpperCase())}.`)],
  [/^(\S+) (\S+) is at version \d+, not \d+: someone changed it since you read it\.$/, () => 'Quelqu’un a modifié ces informations depuis que vous les avez ouvertes : rechargez la page.'],
  [/^Order (\S+) is (\w+): it can no longer be \w+\.$/, (m) => `La commande ${m[1]} est ${STATUSES[m[2]] ?? m[2]} : cette action n’est plus possible. Rechargez la page.`],
  [/^Order (\S+) was changed by someone else meanwhile.*$/, (m) => `La commande ${m[1]} a été modifiée entre-temps : rechargez la page.`],
  [/^.* keep arriving at once; retry\.$/, () => 'Plusieurs envois sont arrivés en même temps : réessayez.'],
  [/^It was (changed|created) by someone else meanwhile.*$/, () => 'Quelqu’un d’autre a modifié ces informations entre-temps : rechargez la page.'],
  [/^No PUI (\S+) in the register\.$/, (m) => `La PUI ${m[1]} n’est pas dans le répertoire.`],
  [/^No order (\S+)\.$/, (m) => `La commande ${m[1]} n’existe pas.`],
];

/** The French of one field's validation message; never the API's English. */
export function inFrench(message) {
  for (const [pattern, french] of FIELD_MESSAGES) {
    const m = pattern.exec(message);
    if (m) return french(m);
  }
  return UNKNOWN;
}

/** The API's validation errors ({pointer, message}), their messages in French. */
export const errorsInFrench = (errors) => errors.map((e) => ({ pointer: e.pointer, message: inFrench(e.message) }));

/** The French of a failure's detail, or '' when the screen's own message must do. */
export function detailInFrench(detail) {
  for (const [pattern, french] of DETAILS) {
    const m = pattern.exec(detail ?? '');
    if (m) return french(m);
  }
  return '';
}
